import { podsDal } from "@/lib/server/dal/pods";
import { itemRoutes } from "@/lib/server/http/crud-routes";

export const { GET, PATCH, DELETE } = itemRoutes(podsDal);
