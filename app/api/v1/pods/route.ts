import { podsDal } from "@/lib/server/dal/pods";
import { collectionRoutes } from "@/lib/server/http/crud-routes";

export const { GET, POST } = collectionRoutes(podsDal);
