import { setNewest } from "../bounded-map";
import { getPrisma } from "../db";

// Per-user limits on the task API. Plain list reads are counted in this instance's memory (no
// database work on the hot path); writes and searches, which cost the database more, are counted
// in the database, so the limit holds across every instance (PGlite included). Fixed windows.

export interface RateLimit {
  max: number;
  windowSeconds: number;
  /** Counted in the database (all instances) rather than in this instance's memory */
  shared: boolean;
}

export const API_RATE_LIMITS = {
  read: { max: 600, windowSeconds: 60, shared: false },
  // The task page searches as the user types (about one request a keystroke, after a short pause).
  search: { max: 300, windowSeconds: 60, shared: true },
  write: { max: 300, windowSeconds: 60, shared: true },
} as const satisfies Record<string, RateLimit>;
export type RateLimitBucket = keyof typeof API_RATE_LIMITS;

/** Too many requests in the window: answered 429 with Retry-After. */
export class RateLimitedError extends Error {
  override name = "RateLimitedError";
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests: try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`);
  }
}

interface Window {
  count: number;
  startedAt: number;
}

// On globalThis: Next.js loads route modules as separate module graphs.
const holder = globalThis as unknown as { tasksLocalRateLimits?: Map<string, Window> };
const localWindows = (holder.tasksLocalRateLimits ??= new Map());
const MAX_LOCAL_KEYS = 50_000;

function consumeLocal(key: string, limit: RateLimit, now: number): Window {
  let window = localWindows.get(key);
  if (!window || now - window.startedAt >= limit.windowSeconds * 1000) {
    window = { count: 0, startedAt: now };
    setNewest(localWindows, key, window, MAX_LOCAL_KEYS);
  }
  window.count += 1;
  return window;
}

/**
 * One statement: starts a new window when the last one has ended, else counts in it. Its commit
 * does not wait for the WAL to reach the disk (synchronous_commit off for this statement's own
 * transaction): the count is seen by every other request at once all the same, and a database
 * crash could lose at most the last fraction of a second of counts. Waiting for that flush cost
 * every write request a second disk wait besides its own.
 */
async function consumeShared(key: string, limit: RateLimit): Promise<Window> {
  const [row] = await getPrisma().$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO api_rate_limit (key, count, "windowStart")
    SELECT ${key}::text, 1, now() FROM (SELECT set_config('synchronous_commit', 'off', true)) AS no_flush_wait
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN api_rate_limit."windowStart" <= now() - make_interval(secs => ${limit.windowSeconds}) THEN 1 ELSE api_rate_limit.count + 1 END,
      "windowStart" = CASE WHEN api_rate_limit."windowStart" <= now() - make_interval(secs => ${limit.windowSeconds}) THEN now() ELSE api_rate_limit."windowStart" END
    RETURNING count, "windowStart"`;
  return { count: row.count, startedAt: row.windowStart.getTime() };
}

/** Counts one request of `userId` in `bucket`; throws RateLimitedError past the limit. */
export async function consumeRateLimit(userId: string, bucket: RateLimitBucket): Promise<void> {
  const limit: RateLimit = API_RATE_LIMITS[bucket];
  const key = `${bucket}:${userId}`;
  const now = Date.now();
  const window = limit.shared ? await consumeShared(key, limit) : consumeLocal(key, limit, now);
  if (window.count > limit.max) {
    throw new RateLimitedError(Math.max(1, Math.ceil((window.startedAt + limit.windowSeconds * 1000 - now) / 1000)));
  }
}
