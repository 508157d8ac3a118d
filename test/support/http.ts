import crypto from "node:crypto";
import * as authRoute from "@/app/api/auth/[...all]/route";

export const APP_URL = "http://localhost:3000";

/** A client address of its own, so that tests do not share rate-limit buckets. */
export const randomIp = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;

type RouteHandler<Params> = (request: Request, route: { params: Promise<Params> }) => Promise<Response>;

/** Calls a Next.js route handler as Next.js would. */
export function callRoute<Params = Record<string, never>>(handler: RouteHandler<Params>, request: Request, params?: Params): Promise<Response> {
  return handler(request, { params: Promise.resolve(params ?? ({} as Params)) });
}

export interface ApiRequestInit {
  method?: string;
  token?: string;
  /** Sent as JSON unless it is a string */
  body?: unknown;
  headers?: Record<string, string>;
}

export function apiRequest(path: string, init: ApiRequestInit = {}): Request {
  const headers: Record<string, string> = { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    headers["content-type"] = "application/json";
  }
  return new Request(`${APP_URL}${path}`, { method: init.method ?? "GET", headers: { ...headers, ...init.headers }, body });
}

/**
 * A request to Better Auth's endpoints under /api/auth, through the app's route handler. It comes
 * from `ip` (or an address of its own) as the tests' proxy reports it in X-Forwarded-For
 * (vitest.config.mts); `headers` adds or replaces headers. A string body is sent as it is.
 */
export function callAuth(
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; ip?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const method = init.method ?? (init.body === undefined ? "GET" : "POST");
  const request = new Request(`${APP_URL}/api/auth${path}`, {
    method,
    headers: {
      origin: APP_URL,
      "x-forwarded-for": init.ip ?? randomIp(),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  return callRoute(method === "GET" ? authRoute.GET : authRoute.POST, request, { all: path.split("/").filter(Boolean) });
}

/** The cookies a response sets, as a Cookie header. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

export interface TestUser {
  id: string;
  email: string;
  cookie: string;
  token: string;
}

/** The password of every user signUpUser() makes */
export const PASSWORD = "correct horse battery";
let userCount = 0;

/** Signs a new user up through the real auth routes and gets an API token for them. */
export async function signUpUser(name = "Test User"): Promise<TestUser> {
  const email = `user${++userCount}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const response = await callAuth("/sign-up/email", { body: { name, email, password: PASSWORD } });
  if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const { user } = (await response.json()) as { user: { id: string } };
  const cookie = cookiesOf(response);
  return { id: user.id, email, cookie, token: await tokenFor(cookie) };
}

export async function tokenFor(cookie: string): Promise<string> {
  const response = await callAuth("/token", { cookie });
  if (response.status !== 200) throw new Error(`token failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
