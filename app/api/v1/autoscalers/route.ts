import { autoscalersDal } from "@/lib/server/dal/autoscalers";
import { collectionRoutes } from "@/lib/server/http/crud-routes";

export const { GET, POST } = collectionRoutes(autoscalersDal);
