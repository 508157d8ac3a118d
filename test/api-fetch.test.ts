import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The browser's token handling (lib/client/api-fetch.ts), with fetch replaced by a fake that
// answers Better Auth's token and sign-out endpoints and the API: which requests it makes, with
// which tokens, and when it gives up. (e2e/tasks.spec.ts runs the same against the real server.)

const auth = { token: vi.fn<() => Promise<Response>>(), signOut: vi.fn<() => Promise<Response>>() };
const api = vi.fn<(path: string, init: RequestInit) => Promise<Response>>();
const fetchMock = vi.fn((path: string, init: RequestInit = {}) =>
  path === "/api/auth/token" ? auth.token() : path === "/api/auth/sign-out" ? auth.signOut() : api(path, init),
);

let apiFetch: typeof import("@/lib/client/api-fetch").apiFetch;
let SignedOutError: typeof import("@/lib/client/api-fetch").SignedOutError;
let issued = 0;
const assign = vi.fn();

beforeEach(async () => {
  vi.resetModules(); // a fresh module: no token kept from another test
  ({ apiFetch, SignedOutError } = await import("@/lib/client/api-fetch"));
  vi.useFakeTimers();
  issued = 0;
  auth.token.mockReset().mockImplementation(async () => Response.json({ token: `token-${++issued}` }));
  auth.signOut.mockReset().mockImplementation(async () => Response.json({ success: true }));
  api.mockReset().mockImplementation(async () => new Response("{}", { status: 200 }));
  assign.mockReset();
  vi.stubGlobal("fetch", fetchMock);
  vi.stubGlobal("window", { location: { href: "http://localhost:3000/tasks?q=milk", origin: "http://localhost:3000", assign } });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const sentTokens = () => api.mock.calls.map(([, init]) => (init.headers as Record<string, string>).Authorization);

describe("apiFetch", () => {
  it("sends the token as a bearer header and reuses it while it is fresh", async () => {
    await apiFetch("/api/tasks");
    vi.advanceTimersByTime(11 * 60_000);
    await apiFetch("/api/tasks");
    expect(sentTokens()).toEqual(["Bearer token-1", "Bearer token-1"]);
    expect(auth.token).toHaveBeenCalledTimes(1);
  });

  it("renews the token before its 15 minutes are up", async () => {
    await apiFetch("/api/tasks");
    vi.advanceTimersByTime(12 * 60_000 + 1);
    await apiFetch("/api/tasks");
    expect(sentTokens()).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("asks for one token however many requests start at once", async () => {
    await Promise.all([apiFetch("/a"), apiFetch("/b"), apiFetch("/c")]);
    expect(auth.token).toHaveBeenCalledTimes(1);
  });

  it("renews once and retries once on a 401", async () => {
    api.mockResolvedValueOnce(new Response("{}", { status: 401 }));
    const response = await apiFetch("/api/tasks");
    expect(response.status).toBe(200);
    expect(sentTokens()).toEqual(["Bearer token-1", "Bearer token-2"]);
    expect(assign).not.toHaveBeenCalled();
  });

  it("sends the user to sign in, ending the session, when the retry is refused too", async () => {
    api.mockImplementation(async () => new Response("{}", { status: 401 }));
    await expect(apiFetch("/api/tasks")).rejects.toBeInstanceOf(SignedOutError);
    expect(api).toHaveBeenCalledTimes(2);
    expect(auth.signOut).toHaveBeenCalled();
    expect(assign).toHaveBeenCalledWith(`/sign-in?next=${encodeURIComponent("/tasks?q=milk")}`);
  });

  it("sends the user to sign in when no token can be had", async () => {
    auth.token.mockImplementation(async () => Response.json({ code: "UNAUTHORIZED" }, { status: 401 }));
    await expect(apiFetch("/api/tasks")).rejects.toBeInstanceOf(SignedOutError);
    expect(api).not.toHaveBeenCalled();
    expect(assign).toHaveBeenCalled();
  });

  it("answers with the token endpoint's refusal, keeping the user signed in, when it is not about the session", async () => {
    auth.token.mockImplementation(async () => Response.json({ code: "TOO_MANY_REQUESTS" }, { status: 429, headers: { "Retry-After": "7" } }));
    const response = await apiFetch("/api/tasks");
    expect([response.status, response.headers.get("Retry-After")]).toEqual([429, "7"]);
    expect(api).not.toHaveBeenCalled();
    expect(auth.signOut).not.toHaveBeenCalled();
    expect(assign).not.toHaveBeenCalled();
  });

  it("lets a network failure through as one, keeping the user signed in", async () => {
    auth.token.mockRejectedValue(new TypeError("Failed to fetch"));
    await expect(apiFetch("/api/tasks")).rejects.toBeInstanceOf(TypeError);
    expect(assign).not.toHaveBeenCalled();
  });
});
