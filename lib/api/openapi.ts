import { z } from "zod";
import { createDocument, type oas31, type ZodObjectInput, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { TOKEN_SCOPES } from "../tokens/scopes";
import type { EndpointDocs, ResponseDoc } from "./endpoint-docs";
import { errorBodySchema } from "./error-schema";
import { ENDPOINT_INFO, type EndpointInfo } from "./route";

// The OpenAPI 3.1 document of the API, made from the route modules themselves: every endpoint
// their routeHandlers() export is an operation, with the zod schemas that check its input (as
// inputs: what a client sends, before transforms) and the response schemas its docs name (as
// outputs: what the services return). Nothing is written twice, so the document cannot drift
// from the code; test/openapi.test.ts checks that it covers every route and that real responses
// match it.
//
// Why zod-openapi rather than z.toJSONSchema alone: zod-openapi is a thin layer over zod's own
// z.toJSONSchema (the same JSON Schema 2020-12 output) that does the OpenAPI part: a query or path
// object becomes `parameters`, request bodies are rendered as inputs and responses as outputs in
// one document, and schemas with `.meta({ id })` become components with `$ref`s. Tried both:
// z.toJSONSchema's registry mode writes `$id: "#/components/schemas/X"` (a fragment in `$id`,
// which JSON Schema 2020-12 forbids) and renders a schema in one direction per call, so the same
// document needed a post-processing pass that zod-openapi already is.

export type RouteModule = Record<string, unknown>;

/** Routes that are not part of the document, and why (test/openapi.test.ts reads this list). */
export const EXCLUDED_ROUTES: Readonly<Record<string, string>> = {
  "/api/auth/[...all]":
    "Better Auth's own endpoints (sign-up, sign-in, sessions, /token, /jwks, passkeys, two-step sign-in): their contract is Better Auth's, they are called by its client with a session cookie, not with a bearer token.",
};

/** Answered alike by every route (routeHandlers()): described once, in the document's description. */
export const UNDOCUMENTED_METHODS: readonly string[] = ["OPTIONS"];

/** /api/tasks/[id] as OpenAPI writes it: /api/tasks/{id}. */
export const openApiPath = (route: string) => route.replace(/\[(\w+)\]/g, "{$1}");

const DESCRIPTION = `The Tasks API: JSON in and out, each user's own tasks, lists and labels.

**Authentication.** Every endpoint but the public ones needs \`Authorization: Bearer <jwt>\`. A signed-in browser gets one from Better Auth's \`GET /api/auth/token\` (session cookie in, \`{ "token" }\` out, valid for 15 minutes); a program exchanges a personal access token for one at \`POST /api/tokens/exchange\`. Each operation names the scope a personal access token needs for it; a browser session's token carries every scope. Operations marked *browser session only* refuse personal access tokens.

**Errors** are \`{ "error": { "code", "message", "details"? } }\`. 401 (with \`WWW-Authenticate: Bearer\`) no or a refused token; 403 a missing scope or another user's row; 404 nothing there; 400, 413, 415 a body that is not JSON, too large or of another type; 422 validation (\`details\` names each field); 409 a conflict or a limit; 429 and 503 with \`Retry-After\`; 500 with a request id.

**Every path** also answers \`OPTIONS\` (204, \`Allow\`: the methods it serves), \`HEAD\` where it serves \`GET\`, and 405 with \`Allow\` to any other method.

**Not here:** Better Auth's endpoints under \`/api/auth/*\` (sign-up, sign-in, sessions, \`/token\`, \`/jwks\`, passkeys, two-step sign-in): ${EXCLUDED_ROUTES["/api/auth/[...all]"]}`;

const TAGS: Record<string, string> = {
  tasks: "Tasks",
  trash: "Trash",
  changes: "Changes",
  lists: "Lists",
  labels: "Labels",
  export: "Your data",
  import: "Your data",
  health: "Health",
  tokens: "Access tokens",
  mcp: "MCP",
  reminders: "Reminders",
  notifications: "Reminders",
  "push-subscriptions": "Reminders",
  cron: "Reminders",
  "openapi.json": "Reference",
};

const BEARER = "bearer";
const PERSONAL_TOKEN = "personalToken";
const CRON_SECRET = "cronSecret";

// The errors every endpoint of a kind can give, each a component of the document.
const errorResponse = (id: string, description: string, headers?: Record<string, string>): ZodOpenApiResponseObject => ({
  id,
  description,
  content: { "application/json": { schema: errorBodySchema } },
  ...(headers && { headers: headerSchemas(headers) }),
});
const headerSchemas = (headers: Record<string, string>) => z.object(Object.fromEntries(Object.entries(headers).map(([name, description]) => [name, z.string().meta({ description })])));
const RETRY_AFTER = { "Retry-After": "Seconds to wait before trying again." };

const COMMON = {
  400: errorResponse("BadRequest", "The body is not valid JSON, or holds a `__proto__`, `constructor` or `prototype` key or a NUL character."),
  401: errorResponse("Unauthorized", "No bearer token, or one refused (expired, revoked, not ours).", { "WWW-Authenticate": 'Bearer, or Bearer error="invalid_token" for a token refused.' }),
  403: errorResponse("Forbidden", "The token lacks this operation's scope, or an id names another user's row (`details.resource` says which kind, and the field)."),
  404: errorResponse("NotFound", "Nothing at this address: no such row of yours (`details.resource`; `details.inTrash` for a task in the trash), or an id that cannot exist."),
  413: errorResponse("PayloadTooLarge", "The body is larger than this operation reads."),
  415: errorResponse("UnsupportedMediaType", "The body was not sent as `Content-Type: application/json`."),
  422: errorResponse("ValidationFailed", "The query or body has invalid fields: `details` names each one with its messages."),
  429: errorResponse("RateLimited", "Too many requests: past the per-user limit.", RETRY_AFTER),
  500: errorResponse("InternalError", "Something went wrong on our side: `details.requestId` names it in the server's log."),
  503: errorResponse("Unavailable", "The database or the authentication service is not answering; try again shortly.", RETRY_AFTER),
} satisfies Record<number, ZodOpenApiResponseObject>;

/** The common errors an endpoint can give: from its kind of auth and the input it reads. */
function commonErrors(info: EndpointInfo): number[] {
  const input = info.input ?? {};
  const readsBody = input.body !== undefined || input.bodyMustBeJson === true || info.docs?.requestBody !== undefined;
  return [
    ...(info.auth.kind === "public" ? [] : [401, 403, 429, 503]),
    ...(input.params ? [404] : []),
    ...(readsBody ? [400, 413, 415] : []),
    ...(input.query || input.body || info.docs?.requestBody ? [422] : []),
    500,
  ];
}

const STATUS_TEXT: Record<number, string> = { 200: "OK", 201: "Created", 204: "No content" };

function response(status: number, doc: ResponseDoc): ZodOpenApiResponseObject {
  if (doc === null) return { description: STATUS_TEXT[status] ?? "No body" };
  if (typeof doc === "string") return { description: doc, content: { "application/json": { schema: errorBodySchema } } };
  if (doc instanceof z.ZodType) return { description: STATUS_TEXT[status] ?? "", content: { "application/json": { schema: doc } } };
  const content = { ...(doc.json && { "application/json": doc.json }), ...doc.content };
  return {
    description: doc.description ?? STATUS_TEXT[status] ?? "",
    ...(Object.keys(content).length > 0 && { content: Object.fromEntries(Object.entries(content).map(([type, schema]) => [type, { schema }])) }),
    ...(doc.headers && { headers: headerSchemas(doc.headers) }),
  };
}

function security(info: EndpointInfo): Pick<ZodOpenApiOperationObject, "security" | "description"> {
  const auth = info.auth;
  const about = info.docs?.description ? `\n\n${info.docs.description}` : "";
  if (auth.kind === "public") return { security: [], description: `Public: no token needed (${auth.reason}).${about}` };
  if (auth.kind === "session") return { security: [{ [BEARER]: [] }], description: `**Browser session only**: a personal access token is refused.${about}` };
  if (auth.kind === "cron") return { security: [{ [CRON_SECRET]: [] }], description: `**For the scheduler**: takes \`Authorization: Bearer <CRON_SECRET>\`, the server's configured secret; 503 when none is configured.${about}` };
  if (auth.kind === "personal-token") return { security: [{ [PERSONAL_TOKEN]: [] }], description: `Takes a personal access token itself (\`Authorization: Bearer tsk_…\`), not a JWT.${about}` };
  if (auth.scope === null) return { security: [{ [BEARER]: [] }], description: `Any valid token: each operation inside checks its own scope.${about}` };
  return { security: [{ [BEARER]: [auth.scope] }], description: `Scope: \`${auth.scope}\` (${TOKEN_SCOPES[auth.scope].toLowerCase()}).${about}` };
}

/** "Toggle a task's completion" -> "toggleTaskCompletion": for generated clients. */
const operationId = (summary: string) =>
  summary
    .toLowerCase()
    .replace(/'s\b/g, "")
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !["a", "an", "the", "your"].includes(word))
    .map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1)))
    .join("");

function operation(info: EndpointInfo): ZodOpenApiOperationObject {
  const docs: EndpointDocs = info.docs ?? { summary: `${info.method} ${info.route}`, responses: {} };
  const { params, query, body } = info.input ?? {};
  const documented = Object.entries(docs.responses).map(([status, doc]) => [status, response(Number(status), doc!)] as const);
  const errors = commonErrors(info)
    .filter((status) => !(status in docs.responses))
    .map((status) => [String(status), COMMON[status as keyof typeof COMMON]] as const);
  const requestBody = body ? { "application/json": body } : docs.requestBody;
  const segment = info.route.split("/")[2];
  return {
    operationId: operationId(docs.summary),
    summary: docs.summary,
    tags: [TAGS[segment] ?? segment],
    ...security(info),
    // A path or query schema is a z.object (perhaps piped through a transform): its keys are the parameters.
    ...((params || query) && { requestParams: { ...(params && { path: params as ZodObjectInput }), ...(query && { query: query as ZodObjectInput }) } }),
    ...(requestBody && { requestBody: { required: body !== undefined, content: Object.fromEntries(Object.entries(requestBody).map(([type, schema]) => [type, { schema }])) } }),
    responses: Object.fromEntries([...documented, ...errors].sort(([a], [b]) => Number(a) - Number(b))) as ZodOpenApiResponsesObject,
  };
}

/** Every documented endpoint of the route modules. */
export function documentedEndpoints(modules: RouteModule[]): EndpointInfo[] {
  return modules
    .flatMap((module) => Object.values(module))
    .map((handler) => (handler as { [ENDPOINT_INFO]?: EndpointInfo } | null)?.[ENDPOINT_INFO])
    .filter((info): info is EndpointInfo => info !== undefined && info.served && !UNDOCUMENTED_METHODS.includes(info.method) && !(info.route in EXCLUDED_ROUTES));
}

export function openApiDocument(modules: RouteModule[]): oas31.OpenAPIObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const info of documentedEndpoints(modules)) {
    (paths[openApiPath(info.route)] ??= {})[info.method.toLowerCase() as "get"] = operation(info);
  }
  return createDocument({
    openapi: "3.1.0",
    info: { title: "Tasks API", version: "1", description: DESCRIPTION },
    servers: [{ url: "/", description: "This server" }],
    tags: [...new Set(Object.values(TAGS))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        [BEARER]: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: `A JSON Web Token, such as a browser session's from GET /api/auth/token (session cookie in). Scopes a token can carry: ${Object.entries(TOKEN_SCOPES)
            .map(([scope, what]) => `\`${scope}\` ${what.toLowerCase()}`)
            .join("; ")}.`,
        },
        [PERSONAL_TOKEN]: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "tsk_ and 43 characters",
          description: "A personal access token, made in Settings → Access tokens. Only POST /api/tokens/exchange takes it, for a 15-minute JWT that carries its scopes.",
        },
        [CRON_SECRET]: {
          type: "http",
          scheme: "bearer",
          description: "The server's CRON_SECRET, which Vercel Cron (or another scheduler) sends to the reminder sender.",
        },
      },
    },
  }) as oas31.OpenAPIObject;
}
