import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/server/auth/config";

/**
 * Convenience only — never the authorization boundary (every data-access function checks the caller itself, so a
 * request that skips this file, e.g. with a forged x-middleware-subrequest, gains nothing):
 * - a per-request CSP nonce, so scripts run only when Next.js (or next-themes) put them there;
 * - a page visit without a session cookie is sent to /sign-in first, remembering where it was going.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isPageVisit = request.method === "GET" && !request.headers.has("next-action");
  if (isPageVisit && pathname !== "/sign-in" && !request.cookies.has(SESSION_COOKIE)) {
    const url = new URL("/sign-in", request.url);
    if (pathname !== "/") url.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  headers.set("x-stratus-path", `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

/**
 * Scripts: only this origin's, carrying this response's nonce ('strict-dynamic' lets them load their chunks); no
 * inline event handlers, no eval (except React's dev tooling). Styles may be inline (charts and toasts set style
 * attributes). Nothing may frame the console.
 */
function contentSecurityPolicy(nonce: string, https: boolean): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const config = {
  matcher: [
    {
      // Pages only: not the API (it answers JSON with its own headers; OTLP at /v1/, Prometheus at /metrics), static files, or link prefetches.
      source: "/((?!api/|v1/|metrics$|_next/static|_next/image|favicon.ico|healthz|readyz).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
