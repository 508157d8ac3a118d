import { z } from "zod";
import { openApiDocument } from "@/lib/api/openapi";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { DOCUMENTED_ROUTES } from "./routes";

// The API's OpenAPI 3.1 document (lib/api/openapi.ts), made once per server from the route
// modules; /docs/api renders it.

let document: string | undefined;

const handlers = routeHandlers("/api/openapi.json", {
  GET: endpoint({
    auth: { kind: "public", reason: "the API's reference: it describes the endpoints and holds no one's data" },
    docs: {
      summary: "Get the OpenAPI document",
      description: "This document: OpenAPI 3.1, made from the same schemas that check each request.",
      responses: { 200: z.looseObject({ openapi: z.string().regex(/^3\.1\.\d+$/) }).meta({ description: "An OpenAPI 3.1 document." }) },
    },
    handle: async () => {
      document ??= JSON.stringify(openApiDocument([...DOCUMENTED_ROUTES, handlers]));
      // Public and the same for everyone: a cache may keep it a while, and must ask again after a deploy.
      return new Response(document, { headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300, must-revalidate" } });
    },
  }),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = handlers;
