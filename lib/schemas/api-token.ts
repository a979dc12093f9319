import { z } from "zod";
import { Roles } from "@/lib/auth/roles";

export const TOKEN_MAX_DAYS = 365;

export const CreateApiTokenInput = z.object({
  name: z.string().trim().min(1, "Name is required").max(100, "Name must be at most 100 characters"),
  role: z.enum(Roles),
  /** Every token expires: 1 to 365 days from now. */
  expiresInDays: z
    .number({ message: "Enter a number of days" })
    .int("Use whole days")
    .min(1, "At least 1 day")
    .max(TOKEN_MAX_DAYS, `At most ${TOKEN_MAX_DAYS} days`),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInput>;

export const ApiTokenListQuery = z.object({
  /** Include revoked and expired tokens. */
  all: z.enum(["true", "false"]).optional(),
});
