import { nodesDal } from "@/lib/server/dal/nodes";
import { collectionRoutes } from "@/lib/server/http/crud-routes";

export const { GET, POST } = collectionRoutes(nodesDal);
