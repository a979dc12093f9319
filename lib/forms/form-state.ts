export type FormState =
  | { status: "idle" }
  | { status: "ok"; message: string; redirectTo?: string }
  | {
      status: "error";
      /** The error's code (UNAUTHORIZED, FORBIDDEN, INVALID, …) when it was an expected one. */
      code?: string;
      message: string;
      fieldErrors: Record<string, string>;
      /** Set on a version conflict: the version now stored, so the user can overwrite on purpose. */
      conflict?: { latestVersion: number };
    };

export const idleState: FormState = { status: "idle" };
