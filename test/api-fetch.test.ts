import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The browser's token handling (lib/client/api-fetch.ts), with Better Auth's client and fetch
// replaced by fakes: which requests it makes, with which tokens, and when it gives up.

const auth = vi.hoisted(() => ({ token: vi.fn(), signOut: vi.fn() }));
vi.mock("@/lib/client/auth-client", () => ({ authClient: auth }));

let apiFetch: typeof import("@/lib/client/api-fetch").apiFetch;
let SignedOutError: typeof import("@/lib/client/api-fetch").SignedOutError;
let issued = 0;
const fetchMock = vi.fn();
const assign = vi.fn();

beforeEach(async () => {
  vi.resetModules(); // a fresh module: no token kept from another test
  ({ apiFetch, SignedOutError } = await import("@/lib/client/api-fetch"));
  vi.useFakeTimers();
  issued = 0;
  auth.token.mockReset().mockImplementation(async () => ({ data: { token: `token-${++issued}` }, error: null }));
  auth.signOut.mockReset().mockResolvedValue({});
  fetchMock.mockReset().mockResolvedValue(new Response("{}", { status: 200 }));
  assign.mockReset();
  vi.stubGlobal("fetch", fetchMock);
  vi.stubGlobal("window", { location: { href: "http://localhost:3000/tasks?q=milk", origin: "http://localhost:3000", assign } });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const sentTokens = () => fetchMock.mock.calls.map(([, init]) => (init.headers as Record<string, string>).Authorization);

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
    fetchMock.mockResolvedValueOnce(new Response("{}", { status: 401 }));
    const response = await apiFetch("/api/tasks");
    expect(response.status).toBe(200);
    expect(sentTokens()).toEqual(["Bearer token-1", "Bearer token-2"]);
    expect(assign).not.toHaveBeenCalled();
  });

  it("sends the user to sign in, ending the session, when the retry is refused too", async () => {
    fetchMock.mockResolvedValue(new Response("{}", { status: 401 }));
    await expect(apiFetch("/api/tasks")).rejects.toBeInstanceOf(SignedOutError);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(auth.signOut).toHaveBeenCalled();
    expect(assign).toHaveBeenCalledWith(`/sign-in?next=${encodeURIComponent("/tasks?q=milk")}`);
  });

  it("sends the user to sign in when no token can be had", async () => {
    auth.token.mockResolvedValue({ data: null, error: { status: 401 } });
    await expect(apiFetch("/api/tasks")).rejects.toBeInstanceOf(SignedOutError);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(assign).toHaveBeenCalled();
  });
});
