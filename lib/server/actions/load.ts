import "server-only";
import { AppError } from "../errors";

/** Load an object for a page; a NOT_FOUND becomes null so the page can call notFound(). */
export async function loadOrNotFound<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** Load something a role may not see; a FORBIDDEN (already audited) becomes null so the page can say so. */
export async function forbiddenAsNull<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") return null;
    throw error;
  }
}
