/**
 * Session and sign-in policy (OWASP ASVS L2, V3 and V2.2). Plain values, no I/O: the proxy imports the cookie name.
 */
const num = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** The session cookie (better-auth's `<prefix>.session_token`, HMAC-signed). */
export const SESSION_COOKIE = "stratus.session_token";

export const sessionPolicy = {
  /** Absolute timeout: a session ends this long after sign-in, however active. */
  absoluteSeconds: num("STRATUS_SESSION_ABSOLUTE_HOURS", 12) * 3600,
  /** Idle timeout: a session ends after this long without a request. */
  idleSeconds: num("STRATUS_SESSION_IDLE_MINUTES", 30) * 60,
  /** Record activity at most this often, so reads do not write on every request. */
  touchSeconds: 60,
};

export const signInPolicy = {
  /** Failed sign-ins to one account allowed inside the window; the next attempt gets 429 until one ages out. */
  maxFailuresPerAccount: num("STRATUS_SIGN_IN_MAX_FAILURES", 3),
  /** Failed sign-ins from one client address (any account) inside the window. */
  maxFailuresPerAddress: num("STRATUS_SIGN_IN_MAX_FAILURES_PER_ADDRESS", 20),
  windowSeconds: num("STRATUS_SIGN_IN_WINDOW_SECONDS", 300),
};
