import { z } from "zod";

/** Kubernetes-style object names: lower-case DNS labels, so they are safe in URLs, process names and logs. */
export const ObjectName = z
  .string()
  .trim()
  .min(1, "Name is required")
  .max(63, "Name must be at most 63 characters")
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "Use lower-case letters, digits and '-', starting and ending with a letter or digit");

const labelKey = z
  .string()
  .min(1)
  .max(63)
  .regex(/^([a-z0-9.-]+\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/, "Invalid label key");
const labelValue = z
  .string()
  .max(63)
  .regex(/^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/, "Invalid label value");

export const Labels = z.record(labelKey, labelValue).default({});
export type Labels = z.infer<typeof Labels>;

export const Version = z.number().int().positive();

export const Id = z.uuid({ message: "Not a valid id" });

/** A port a process can listen on. */
export const Port = z.number().int().min(1).max(65535);

export const EnvVars = z
  .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Invalid variable name"), z.string().max(4096))
  .default({});
