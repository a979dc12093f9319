import { alertRulesDal } from "@/lib/server/dal/alert-rules";
import { collectionRoutes } from "@/lib/server/http/crud-routes";

export const { GET, POST } = collectionRoutes(alertRulesDal);
