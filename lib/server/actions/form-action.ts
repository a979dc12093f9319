import "server-only";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import type { FormState } from "@/lib/forms/form-state";
import { settleAuditWrites } from "../audit";
import { signInPath } from "../auth/session";
import { AppError } from "../errors";

const SESSION_ENDED = "Your session has ended. Sign in again (in another tab, to keep what you typed), then retry.";

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
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    await settleAuditWrites();
    if (error instanceof AppError) {
      const fieldErrors = Object.fromEntries(error.fieldErrors.map((e) => [e.path, e.message]));
      const latestVersion = error.code === "STALE_VERSION" && onConflict ? await onConflict() : null;
      const message = error.code === "UNAUTHORIZED" ? SESSION_ENDED : error.message;
      return { status: "error", code: error.code, message, fieldErrors, ...(latestVersion ? { conflict: { latestVersion } } : {}) };
    }
    console.error("Server action failed", error);
    return { status: "error", message: "Something went wrong on our side. Try again.", fieldErrors: {} };
  }
}

/**
 * For actions that feed React Query: rethrow expected errors with their own message (and code), hide unexpected
 * ones. A caller without a session — a tab left open past the idle timeout, still polling — is sent to sign-in.
 */
export async function forQuery<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    unstable_rethrow(error);
    await settleAuditWrites();
    if (error instanceof AppError) {
      if (error.code === "UNAUTHORIZED") redirect(signInPath(pathOf((await headers()).get("referer"))));
      throw Object.assign(new Error(error.message), { code: error.code });
    }
    console.error("Server action failed", error);
    throw new Error("Something went wrong on our side.");
  }
}

function pathOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return null;
  }
}
