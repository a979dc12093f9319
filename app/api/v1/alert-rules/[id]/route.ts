import { alertRulesDal } from "@/lib/server/dal/alert-rules";
import { itemRoutes } from "@/lib/server/http/crud-routes";

export const { GET, PATCH, DELETE } = itemRoutes(alertRulesDal);
