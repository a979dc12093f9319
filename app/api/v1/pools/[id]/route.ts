import { poolsDal } from "@/lib/server/dal/pools";
import { itemRoutes } from "@/lib/server/http/crud-routes";

export const { GET, PATCH, DELETE } = itemRoutes(poolsDal);
