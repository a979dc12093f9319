/**
 * The client's address as the request reports it. `next start` fills X-Forwarded-For with the socket's address
 * only when the header is absent, so without a reverse proxy that overwrites it a client can choose this value:
 * it is recorded in the audit trail as reported, and the sign-in limit keys on the account as well, never on
 * the address alone.
 */
export function clientIp(headers: Headers): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || null;
}

/** Whether the request reached us over https (directly or through a proxy that says so). */
export function isHttps(url: string, headers: Headers): boolean {
  return url.startsWith("https:") || headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
