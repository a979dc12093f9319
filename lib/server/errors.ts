/** Expected failures, each mapped once to HTTP (lib/server/http/problem.ts) and once to form state. */
export type ErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "STALE_VERSION"
  | "QUOTA_EXCEEDED"
  | "INVALID"
  | "RATE_LIMITED"
  | "TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE";

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Too many attempts: answered with 429 and `Retry-After`. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("RATE_LIMITED", message);
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);
export const staleVersion = (what: string) =>
  new AppError("STALE_VERSION", `${what} was changed by someone else since you loaded it. Reload to see their change, or overwrite it.`);
export const invalid = (errors: FieldError[]) =>
  new AppError("INVALID", errors.length === 1 ? `${errors[0]!.path}: ${errors[0]!.message}` : "Some fields are invalid.", errors);

export const httpStatusOf: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  QUOTA_EXCEEDED: 409,
  INVALID: 422,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};
