import { resourcesDal } from "@/lib/server/dal/resources";
import { itemRoutes } from "@/lib/server/http/crud-routes";

export const { GET, PATCH, DELETE } = itemRoutes(resourcesDal);
