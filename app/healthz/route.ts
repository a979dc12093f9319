/** Liveness: the process serves requests. */
export const dynamic = "force-dynamic";
export function GET() {
  return Response.json({ status: "ok" });
}
