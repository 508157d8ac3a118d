import { SIGNED_IN } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { IMPORT_MAX_BYTES } from "@/lib/import/limits";
import { importDocumentSchema } from "@/lib/import/schemas";
import { importForUser } from "@/lib/import/service";

/** A document of GET /api/export, added to the account all or nothing; answers what was imported. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/import", {
  POST: endpoint({
    auth: SIGNED_IN,
    body: importDocumentSchema,
    maxBodyBytes: IMPORT_MAX_BYTES,
    subject: "The import",
    handle: async ({ actor, body }) => jsonResponse({ imported: await importForUser(actor, body) }, { status: 201 }),
  }),
});
