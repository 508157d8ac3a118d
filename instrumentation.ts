import type { Instrumentation } from "next";
import { REQUEST_ID_HEADER } from "./lib/request-id";

// Next.js calls register() once per server process as it starts (not during `next build`).
// The import sits inside `if (NEXT_RUNTIME === "nodejs")`: a bundler drops that block from the
// Edge build, so the server's modules (pg, PGlite) are never bundled for the Edge runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startServer } = await import("./lib/startup");
    await startServer();
    // `next dev` has no scheduler calling GET /api/cron/reminders. NODE_ENV is replaced at build
    // time, so a production build drops this import and its server functions do not carry web-push.
    if (process.env.NODE_ENV === "development") {
      const { startDevelopmentReminderTimer } = await import("./lib/reminders/dev-timer");
      startDevelopmentReminderTimer();
    }
  }
}

/**
 * Errors that Next.js caught itself (rendering a page, a server action, a handler that threw),
 * logged under the id that middleware.ts gave the request. Never the headers wholesale: they
 * carry cookies and tokens. The Node.js runtime only, where the logger lives; Next.js reports
 * errors of the Edge middleware on its own.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getLogger } = await import("./lib/log");
    const requestId = request.headers[REQUEST_ID_HEADER];
    getLogger().error(
      {
        err: error,
        requestId: typeof requestId === "string" ? requestId : undefined,
        method: request.method,
        routePath: context.routePath,
        routeType: context.routeType,
      },
      "request failed",
    );
  }
};
