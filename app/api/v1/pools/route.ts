import { poolsDal } from "@/lib/server/dal/pools";
import { collectionRoutes } from "@/lib/server/http/crud-routes";

export const { GET, POST } = collectionRoutes(poolsDal);
