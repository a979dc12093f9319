import { autoscalersDal } from "@/lib/server/dal/autoscalers";
import { itemRoutes } from "@/lib/server/http/crud-routes";

export const { GET, PATCH, DELETE } = itemRoutes(autoscalersDal);
