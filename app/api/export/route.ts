import { z } from "zod";
import { signedIn } from "@/lib/api/auth-kinds";
import { NO_STORE } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { exportForUser, tasksAsCsv } from "@/lib/export/service";
import { exportDocumentSchema, exportQuerySchema } from "@/lib/export/schemas";

/** All of the user's live data: one JSON document, or (?format=csv) the tasks as CSV; downloaded as a file. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/export", {
  GET: endpoint({
    auth: signedIn("data:export"),
    query: exportQuerySchema,
    // The heaviest read there is: counted with searches, in the limit every instance shares.
    rateLimit: () => "search",
    docs: {
      summary: "Export your data",
      description: "All of your live data as one versioned JSON document (the trash left out), or `?format=csv` the tasks as CSV; downloaded as a file.",
      responses: {
        200: {
          content: { "application/json": exportDocumentSchema, "text/csv": z.string().meta({ description: "One row per task: names for lists, labels and parents." }) },
          headers: { "Content-Disposition": "attachment, with the file's name." },
        },
      },
    },
    handle: async ({ userId, query }) => {
      const document = await exportForUser(userId);
      const day = document.exportedAt.slice(0, 10);
      const [body, type] = query.format === "csv" ? [tasksAsCsv(document), "text/csv; charset=utf-8"] : [JSON.stringify(document, null, 2), "application/json"];
      return new Response(body, {
        headers: { ...NO_STORE, "Content-Type": type, "Content-Disposition": `attachment; filename="tasks-${day}.${query.format}"` },
      });
    },
  }),
});
