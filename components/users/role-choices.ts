import type { Choice } from "@/components/ui/choice-field";
import { Roles, type Role } from "@/lib/auth/roles";

export const roleDescriptions: Record<Role, string> = {
  viewer: "Viewer — read everything",
  operator: "Operator — also create, edit, scale, drain",
  admin: "Admin — also users, tokens, quotas",
};

export const roleChoices: Choice[] = Roles.map((r) => ({ value: r, label: roleDescriptions[r] }));
