import { resourcesDal } from "@/lib/server/dal/resources";
import { collectionRoutes } from "@/lib/server/http/crud-routes";

export const { GET, POST } = collectionRoutes(resourcesDal);
