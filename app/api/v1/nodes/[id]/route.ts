import { nodesDal } from "@/lib/server/dal/nodes";
import { itemRoutes } from "@/lib/server/http/crud-routes";

export const { GET, PATCH, DELETE } = itemRoutes(nodesDal);
