// Liveness: the server process answers. Deliberately touches nothing else, so a slow database
// never makes a platform restart healthy instances; /api/health/ready says whether it can serve.
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
