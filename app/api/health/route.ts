import { apiRoute } from "@/lib/api/route";

// Liveness: the server process answers. Deliberately touches nothing else, so a slow database
// never makes a platform restart healthy instances; /api/health/ready says whether it can serve.
export const GET = apiRoute("/api/health", async () => Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } }));
