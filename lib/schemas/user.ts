import { z } from "zod";
import { Roles } from "@/lib/auth/roles";

const MIN_PASSWORD = 12;
const MAX_PASSWORD = 128;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email({ message: "Enter an email address, e.g. ada@example.com" }));

/** Passphrases welcome; no composition rules (NIST SP 800-63B). */
export const Password = z
  .string()
  .min(MIN_PASSWORD, `Use at least ${MIN_PASSWORD} characters`)
  .max(MAX_PASSWORD, `Use at most ${MAX_PASSWORD} characters`);

export const PersonName = z.string().trim().min(1, "Name is required").max(100, "Name must be at most 100 characters");

export const SignInInput = z.object({
  email: z.string().trim().min(1, "Enter your email").max(254),
  password: z.string().min(1, "Enter your password").max(1024),
});

export const CreateUserInput = z.object({
  name: PersonName,
  email: Email,
  role: z.enum(Roles),
  password: Password,
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z
  .object({
    name: PersonName.optional(),
    role: z.enum(Roles).optional(),
    disabled: z.boolean().optional(),
    /** A new password; ends the user's sessions. */
    password: Password.optional(),
  })
  .strict();
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;
