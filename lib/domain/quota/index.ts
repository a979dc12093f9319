export { checkQuota, type QuotaCheck } from "./check-quota";
