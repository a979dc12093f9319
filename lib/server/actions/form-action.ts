import "server-only";
import type { FormState } from "@/lib/forms/form-state";
import { AppError } from "../errors";

/**
 * Run a server action's work and turn the outcome into form state. An expected AppError shows its own message
 * and field errors; anything else is logged and the user sees a generic message (never the raw exception).
 */
export async function toFormState(
  work: () => Promise<{ message: string; redirectTo?: string }>,
  onConflict?: () => Promise<number | null>,
): Promise<FormState> {
  try {
    const { message, redirectTo } = await work();
    return { status: "ok", message, redirectTo };
  } catch (error) {
    if (error instanceof AppError) {
      const fieldErrors = Object.fromEntries(error.fieldErrors.map((e) => [e.path, e.message]));
      const latestVersion = error.code === "STALE_VERSION" && onConflict ? await onConflict() : null;
      return { status: "error", message: error.message, fieldErrors, ...(latestVersion ? { conflict: { latestVersion } } : {}) };
    }
    console.error("Server action failed", error);
    return { status: "error", message: "Something went wrong on our side. Try again.", fieldErrors: {} };
  }
}

/** For actions that feed React Query: rethrow expected errors with their own message, hide unexpected ones. */
export async function forQuery<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw new Error(error.message);
    console.error("Server action failed", error);
    throw new Error("Something went wrong on our side.");
  }
}
