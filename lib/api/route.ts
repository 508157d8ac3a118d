import type { z } from "zod";
import { credentialActor, type Actor } from "../actor";
import { authorize, InsufficientScopeError, verifyCronSecret, verifyPersonalToken, verifyRequest, type VerifiedCaller, type VerifiedPersonalToken } from "../auth";
import type { Scope } from "../tokens/scopes";
import { getLogger } from "../log";
import { assignRequestId, REQUEST_ID_HEADER } from "../request-id";
import { MAX_BODY_BYTES, parseInput, parseJsonBody, readBoundedBody } from "./body";
import { consumeRateLimit, type RateLimitBucket } from "./rate-limit";
import type { EndpointDocs } from "./endpoint-docs";
import { RequestError } from "./errors";
import { errorJson, errorResponse } from "./respond";

// The one wrapper every API route goes through. A route file states, per method, who may call
// it (`auth`, required: a route cannot be written without it) and the schemas of its path
// params, query and body; the wrapper verifies the request with verifyRequest() (the only place
// a JWT is checked), parses and bounds the input, turns every thrown error into its response
// through one table (respond.ts), and logs one line per request:
// `{ msg: "request", method, route, status, durationMs, requestId, userId? }`.

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * Who may call an endpoint (lib/api/auth-kinds.ts). `public` must say why, so that the exception
 * is deliberate; `user` names the scope a personal access token needs (null: any token, and the
 * handler checks each operation's scope, as the MCP endpoint does per tool); `session` is for a
 * browser session only; `personal-token` takes a personal access token itself (its exchange);
 * `cron` is the scheduler's, with the configured CRON_SECRET and no user.
 */
export type RouteAuth = { kind: "public"; reason: string } | { kind: "user"; scope: Scope | null } | { kind: "session" } | { kind: "personal-token" } | { kind: "cron" };

/** The input a handler receives, parsed and typed from the endpoint's schemas. */
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
export type EndpointInput<A extends RouteAuth, P, Q, B> = {
  request: Request;
  requestId: string;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
} & (A extends { kind: "user" | "session" } ? {
      userId: string;
      /** for writes: the user and the device or token acting */
      actor: Actor;
      scopes: VerifiedCaller["scopes"];
      /** The lists an access token is limited to (already checked by `withinLists`); null: all */
      lists: VerifiedCaller["lists"];
    } : unknown) &
  (A extends { kind: "personal-token" } ? { userId: string; personalToken: VerifiedPersonalToken } : unknown);

export interface EndpointSpec<A extends RouteAuth, P, Q, B> {
  auth: A;
  /** Path params; a value that cannot exist (e.g. not a UUID) is answered 404. */
  params?: P;
  query?: Q;
  /** A JSON body; without it, a body is still bounded (maxBodyBytes) and handed on in `request`. */
  body?: B;
  /** With a body schema: a request may also send no body at all, which the schema reads as `{}`. */
  bodyOptional?: boolean;
  /** Without a body schema: a body, when sent, must still be JSON passing parseJsonBody's checks. */
  bodyMustBeJson?: boolean;
  /** Named in validation messages: "The task has invalid fields: title." */
  subject?: string;
  maxBodyBytes?: number;
  /**
   * Which per-user limit a signed-in request counts against (lib/api/rate-limit.ts): by default
   * `read` for GET, `write` for the rest.
   */
  rateLimit?: (input: { query: Parsed<Q> }) => RateLimitBucket;
  /**
   * How the endpoint keeps a token limited to some lists to them (lib/tokens/list-limits.ts): a
   * check of the parsed input, run before `handle`. Without it, such a token is refused.
   */
  withinLists?: (input: { userId: string; lists: readonly string[]; params: Parsed<P>; query: Parsed<Q>; body: Parsed<B> }) => Promise<void> | void;
  /** What the API reference says of it (lib/api/endpoint-docs.ts); test/openapi.test.ts wants it on every endpoint. */
  docs?: EndpointDocs;
  handle: (input: EndpointInput<A, P, Q, B>) => Promise<Response>;
}

/** What the route-walk test and the API reference read from every exported handler. */
export interface EndpointInfo {
  route: string;
  method: HttpMethod | "OPTIONS";
  auth: RouteAuth;
  /** false for the methods a route does not serve (answered 405) */
  served: boolean;
  /** What the API reference (lib/api/openapi.ts) is made from; absent for the 405s. */
  docs?: EndpointDocs;
  input?: Pick<AnySpec, "params" | "query" | "body" | "bodyMustBeJson" | "maxBodyBytes">;
}
export const ENDPOINT_INFO = Symbol.for("tasks.endpoint");

type NextHandler = ((request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>) & {
  [ENDPOINT_INFO]: EndpointInfo;
};

// The spec with its types erased, once checked at the endpoint() call.
type AnySpec = EndpointSpec<RouteAuth, z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;
const specs = new WeakMap<object, AnySpec>();

/** One method of a route. The generics let TypeScript type the handler's input from the schemas. */
export function endpoint<A extends RouteAuth, P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: EndpointSpec<A, P, Q, B>,
): { readonly endpoint: true } {
  const token = { endpoint: true } as const;
  specs.set(token, spec as unknown as AnySpec);
  return token;
}

/** The request again, with the body already read into memory (or none). */
function withBody(request: Request, bytes: Uint8Array): Request {
  // A new Request from the parts: the original's body stream has been read, and under `next
  // start` new Request(request, ...) throws on the NextRequest it is given ("Cannot read private
  // member #state"). GET and HEAD cannot carry a body in a Request, whatever a client sent.
  const { url, method, headers, signal } = request;
  const carriesBody = bytes.byteLength > 0 && method !== "GET" && method !== "HEAD";
  return new Request(url, { method, headers, signal, body: carriesBody ? new Uint8Array(bytes) : undefined });
}

function wrap(route: string, method: EndpointInfo["method"], spec: AnySpec, served = true): NextHandler {
  const handler = async (incoming: Request, context: { params: Promise<Record<string, string | string[]>> }) => {
    const started = performance.now();
    // API routes get their request id here, not from middleware.ts (which stays off /api/: its
    // Edge sandbox cost about a third of a list request's throughput in npm run bench).
    const requestId = assignRequestId(incoming.headers);
    let userId: string | undefined;
    let actor: Actor | undefined;
    let scopes: VerifiedCaller["scopes"] | undefined;
    let lists: VerifiedCaller["lists"] = null;
    let personalToken: VerifiedPersonalToken | undefined;
    let response: Response;
    try {
      // Authentication first: nothing of an unauthenticated request is read or parsed.
      // Only an explicitly public endpoint skips verification: any other kind fails closed.
      if (spec.auth.kind === "cron") {
        verifyCronSecret(incoming);
      } else if (spec.auth.kind === "personal-token") {
        personalToken = await verifyPersonalToken(incoming);
        ({ userId } = personalToken);
      } else if (spec.auth.kind !== "public") {
        const caller = await verifyRequest(incoming);
        authorize(caller, spec.auth);
        ({ userId, scopes, lists } = caller);
        actor = credentialActor(caller.userId, caller.credential);
      }
      const params = spec.params ? parsePathParams(spec.params, await context.params) : undefined;
      const query = spec.query ? parseInput(spec.query, Object.fromEntries(new URL(incoming.url).searchParams), "The query") : undefined;
      if (userId !== undefined) await consumeRateLimit(userId, spec.rateLimit?.({ query }) ?? (method === "GET" ? "read" : "write"));
      // The body is read once, never past its bound, and checked here whatever reads it later.
      const bytes = incoming.body === null ? null : await readBoundedBody(incoming, spec.maxBodyBytes ?? MAX_BODY_BYTES);
      let body: unknown;
      if (spec.body) {
        const json = spec.bodyOptional && !bytes?.byteLength ? {} : parseJsonBody(incoming.headers, bytes);
        body = parseInput(spec.body, json, spec.subject ?? "The body");
      }
      else if (spec.bodyMustBeJson && bytes?.byteLength) parseJsonBody(incoming.headers, bytes);
      if (lists !== null) {
        if (!spec.withinLists) throw new InsufficientScopeError(null, "This access token is limited to some lists, and this endpoint reaches beyond them.");
        await spec.withinLists({ userId: userId!, lists, params, query, body });
      }
      const request = bytes === null ? incoming : withBody(incoming, bytes);
      response = await spec.handle({ request, requestId, params, query, body, userId, actor, scopes, lists, personalToken } as never);
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    getLogger().info(
      { method, route, status: response.status, durationMs: Math.round(performance.now() - started), requestId, userId },
      "request",
    );
    return withRequestId(response, requestId);
  };
  return Object.assign(handler, { [ENDPOINT_INFO]: { route, method, auth: spec.auth, served } satisfies EndpointInfo });
}

/** The response with its X-Request-Id (a copy when its headers are immutable, as a redirect's are). */
function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

function parsePathParams(schema: z.ZodType, params: unknown): unknown {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new RequestError(404, "not_found", "Nothing exists at this address.");
  return parsed.data;
}

/** The handler, with what the API reference reads of its spec. */
function described(handler: NextHandler, spec: AnySpec | undefined): NextHandler {
  if (spec) Object.assign(handler[ENDPOINT_INFO], { docs: spec.docs, input: { params: spec.params, query: spec.query, body: spec.body, bodyMustBeJson: spec.bodyMustBeJson, maxBodyBytes: spec.maxBodyBytes } });
  return handler;
}

/**
 * The handlers a route file exports: its endpoints, a JSON 405 with `Allow` for every other
 * method, and OPTIONS naming exactly the methods that exist (Next's own OPTIONS would list the
 * 405 stubs too). `route` is the pattern as in app/ (`/api/tasks/[id]`), used in logs.
 */
export function routeHandlers(route: string, endpoints: Partial<Record<HttpMethod, { readonly endpoint: true }>>): Record<HttpMethod | "OPTIONS", NextHandler> {
  const allowed = HTTP_METHODS.filter((method) => endpoints[method]);
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const notAllowed: AnySpec = {
    auth: { kind: "public", reason: "answers 405" },
    handle: async ({ request }) => errorJson(405, "method_not_allowed", `${request.method} is not supported here. Use ${allowed.join(", ")}.`, { headers: { Allow: allow } }),
  };
  const options: AnySpec = {
    auth: { kind: "public", reason: "answers which methods exist" },
    handle: async () => new Response(null, { status: 204, headers: { Allow: allow } }),
  };
  const handlers = Object.fromEntries(
    HTTP_METHODS.map((method) => {
      const served = endpoints[method] !== undefined;
      const spec = served ? specs.get(endpoints[method]!) : notAllowed;
      if (!spec) throw new Error(`${route} ${method}: pass endpoint({ ... }), not a plain object`);
      return [method, described(wrap(route, method, spec, served), served ? spec : undefined)];
    }),
  ) as Record<HttpMethod, NextHandler>;
  return { ...handlers, OPTIONS: wrap(route, "OPTIONS", options) };
}
