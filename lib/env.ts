import net from "node:net";
import path from "node:path";
import { z } from "zod";
import { resolveDatabaseUrl } from "./database-url";
import { getLogger, LOG_LEVELS } from "./log";

// Every environment variable the app reads, validated once. Documented in .env.example.

const DEVELOPMENT_SECRET = "development-only-secret-do-not-use-in-production";

export class ConfigError extends Error {
  override name = "ConfigError";
}

const blankIsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());
const positiveInt = (max: number, fallback: number) => z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(max).default(fallback));

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://");
// "Tasks <tasks@example.com>" or a bare address.
const mailFrom = z.string().regex(/^([^<>\r\n]{1,100} <[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'must be an address or "Name <address>"');
const hostName = z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, "must be a host name");

/** Where a request's client address is read: lib/client-address.ts. */
export interface ClientIpSource {
  /** A request header holding the client's address, lower-case */
  header: string;
  /** Proxies (IP or CIDR) whose hops are skipped, right to left, in a multi-valued header */
  trustedProxies: string[];
}

/** Vercel overwrites x-real-ip with the address it received the request from. */
const VERCEL_CLIENT_IP: ClientIpSource = { header: "x-real-ip", trustedProxies: [] };

function isIpOrCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split("/");
  const version = net.isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

// "<header> [<proxy> ...]", e.g. "x-real-ip" or "x-forwarded-for 10.1.2.3 10.8.0.0/16".
const clientIpSource = z.string().transform((value, ctx): ClientIpSource => {
  const [header, ...trustedProxies] = value.trim().split(/[\s,]+/);
  if (!/^[a-z0-9-]+$/i.test(header)) ctx.addIssue({ code: "custom", message: `must start with a header name such as x-real-ip, not "${header}"` });
  const invalid = trustedProxies.filter((proxy) => !isIpOrCidr(proxy));
  if (invalid.length) ctx.addIssue({ code: "custom", message: `trusted proxies must be IP addresses or CIDR ranges (10.0.0.0/8): ${invalid.join(", ")}` });
  return { header: header.toLowerCase(), trustedProxies };
});

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: optional(
    z.string().regex(/^(postgres(ql)?:\/\/|pglite:)/, "must start with postgres://, postgresql:// or pglite: (an embedded database)"),
  ),
  // A direct (not pooled) connection for migrations: read by prisma.config.ts, checked here.
  DATABASE_URL_UNPOOLED: optional(postgresUrl),
  BETTER_AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters; generate one with `openssl rand -base64 32`")),
  BETTER_AUTH_URL: optional(z.url("must be the app's public URL, e.g. https://tasks.example.com")),
  // Set by Vercel on every build and function (system environment variables).
  VERCEL: optional(z.string()),
  VERCEL_ENV: optional(z.enum(["production", "preview", "development"])),
  VERCEL_URL: optional(hostName),
  VERCEL_BRANCH_URL: optional(hostName),
  VERCEL_PROJECT_PRODUCTION_URL: optional(hostName),
  // Behind your own reverse proxy: the header it writes the client's address into, then the
  // proxies to skip in that header's chain. Not on Vercel, which has its own (x-real-ip).
  CLIENT_IP_HEADER: optional(clientIpSource),
  // Tunable for tests and benchmarks, never off: a positive count per window per client IP.
  AUTH_RATE_LIMIT_MAX: positiveInt(10_000, 10),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: positiveInt(86_400, 60),
  // Failed sign-ins of one email before each further attempt waits (1 s, 2 s, 4 s, ...), and the
  // longest wait. Never off: at most 100 failures, at least a second.
  AUTH_SIGN_IN_FAILURES_BEFORE_DELAY: positiveInt(100, 5),
  AUTH_SIGN_IN_MAX_DELAY_SECONDS: positiveInt(86_400, 900),
  // PostgreSQL pool of each server instance (serverless: many instances, few connections each).
  DATABASE_POOL_MAX: positiveInt(100, 5),
  DATABASE_CONNECT_TIMEOUT_MS: positiveInt(60_000, 3_000),
  DATABASE_QUERY_TIMEOUT_MS: positiveInt(600_000, 5_000),
  // Outgoing mail (verification, password reset, email change). Unset in production: those flows
  // answer 503; unset in development and tests: mails are kept in a local outbox (/dev/outbox).
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\/[^\s]+$/, "must be an SMTP URL like smtps://user:password@smtp.example.com:465")),
  MAIL_FROM: optional(mailFrom),
  // Where development keeps its mails when SMTP_URL is unset (the tests point it elsewhere).
  MAIL_OUTBOX_DIR: z.preprocess(blankIsUnset, z.string().default(".data/outbox")),
  // Read by lib/log.ts itself (the logger must work without a valid configuration); checked here.
  LOG_LEVEL: z.preprocess(blankIsUnset, z.enum(LOG_LEVELS).default("info")),
  // Web Push of reminders (`npx web-push generate-vapid-keys`). Unset: reminders are in-app only.
  VAPID_PUBLIC_KEY: optional(z.string().regex(/^[A-Za-z0-9_-]{87}$/, "must be the public key as web-push prints it (87 base64url characters)")),
  VAPID_PRIVATE_KEY: optional(z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be the private key as web-push prints it (43 base64url characters)")),
  // Who push services may contact about this sender.
  VAPID_SUBJECT: optional(z.string().regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, "must be a mailto: address or an https:// URL")),
  // What the scheduler sends as `Authorization: Bearer ...` to GET /api/cron/reminders (Vercel
  // Cron sends CRON_SECRET). Unset: that route answers 503.
  CRON_SECRET: optional(z.string().min(16, "must be at least 16 characters; generate one with `openssl rand -base64 32`")),
});

export interface Env {
  /** postgres://... for a PostgreSQL server, pglite:<dir> or pglite:memory for the embedded one */
  databaseUrl: string;
  authSecret: string;
  /** The app's public origin: Better Auth's base URL and the JWT issuer */
  appUrl: string;
  /** Origins allowed to call Better Auth's endpoints from a browser (origin patterns) */
  trustedOrigins: string[];
  /** Where client addresses come from; null when no source is trustworthy (one shared bucket per limit) */
  clientIp: ClientIpSource | null;
  /** Sign-in and sign-up attempts allowed per client IP in each window */
  authRateLimit: { max: number; windowSeconds: number };
  /** Per email: failed sign-ins before each further attempt must wait, doubling up to maxDelaySeconds */
  signInDelay: SignInDelaySettings;
  /** PostgreSQL server only (PGlite is one in-process connection) */
  databasePool: DatabasePoolSettings;
  mail: MailSettings;
  /** Web Push's VAPID keys; null: push is off and reminders are in-app only */
  push: PushSettings | null;
  /** The bearer secret of the reminder sender's route; null: that route answers 503 */
  cronSecret: string | null;
}

export interface PushSettings {
  publicKey: string;
  privateKey: string;
  /** A mailto: or https: contact for push services */
  subject: string;
}

/**
 * How mail goes out: through an SMTP server, into the local outbox of development and tests, or
 * not at all (production without SMTP_URL: the flows that need mail answer 503).
 */
export type MailSettings = { via: "smtp"; url: string; from: string } | { via: "outbox"; from: string; dir: string } | { via: "none" };

export interface SignInDelaySettings {
  failuresBeforeDelay: number;
  maxDelaySeconds: number;
}

export interface DatabasePoolSettings {
  /** Connections per server instance */
  max: number;
  /** Give up opening a connection after this long: the request gets 503 */
  connectTimeoutMs: number;
  /** Give up waiting for a query's answer after this long: the request gets 503 */
  queryTimeoutMs: number;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid environment configuration:\n${problems.join("\n")}`);
  }
  const vars = parsed.data;
  const production = vars.NODE_ENV === "production";
  const appUrl = vars.BETTER_AUTH_URL ?? vercelAppUrl(vars);
  if (vars.VERCEL && vars.CLIENT_IP_HEADER) {
    throw new ConfigError("Invalid environment configuration:\n  CLIENT_IP_HEADER: unset it on Vercel, which sets x-real-ip itself and lets no client forge it.");
  }
  const vapid = [vars.VAPID_PUBLIC_KEY, vars.VAPID_PRIVATE_KEY, vars.VAPID_SUBJECT];
  if (vapid.some(Boolean) && !vapid.every(Boolean)) {
    throw new ConfigError("Invalid environment configuration:\n  VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT: set all three for Web Push, or none.");
  }
  const clientIp = vars.VERCEL ? VERCEL_CLIENT_IP : (vars.CLIENT_IP_HEADER ?? null);
  if (production) {
    const missing = [
      !vars.DATABASE_URL &&
        "  DATABASE_URL: required in production (a postgres:// URL; the server's disk may not last, as on Vercel). " +
          "To run on the embedded database anyway, set it explicitly to pglite:<directory>.",
      !vars.BETTER_AUTH_SECRET && "  BETTER_AUTH_SECRET: required in production (at least 32 characters; `openssl rand -base64 32`).",
      !appUrl && "  BETTER_AUTH_URL: required in production outside Vercel (the app's public URL, e.g. https://tasks.example.com).",
    ].filter(Boolean);
    if (missing.length) throw new ConfigError(`Missing environment configuration:\n${missing.join("\n")}`);
    if (!clientIp) {
      getLogger().warn(
        "CLIENT_IP_HEADER is not set and this is not Vercel: no client address can be trusted, so every client shares " +
          "each per-address rate limit. Behind a reverse proxy, set CLIENT_IP_HEADER (README, Configuration).",
      );
    }
    if (!vars.SMTP_URL) {
      getLogger().warn("SMTP_URL is not set: no mail goes out, so email verification, password reset and email change answer 503. Set SMTP_URL and MAIL_FROM (README, Configuration).");
    }
  } else if (!vars.BETTER_AUTH_SECRET) {
    getLogger().warn("BETTER_AUTH_SECRET is not set: using a development-only secret. Set it before deploying.");
  }
  const from = vars.MAIL_FROM ?? `Tasks <no-reply@${new URL(appUrl ?? "http://localhost:3000").hostname}>`;
  return {
    databaseUrl: resolveDatabaseUrl(vars),
    authSecret: vars.BETTER_AUTH_SECRET ?? DEVELOPMENT_SECRET,
    appUrl: new URL(appUrl ?? "http://localhost:3000").origin,
    trustedOrigins: trustedOrigins(vars, appUrl),
    clientIp,
    authRateLimit: { max: vars.AUTH_RATE_LIMIT_MAX, windowSeconds: vars.AUTH_RATE_LIMIT_WINDOW_SECONDS },
    signInDelay: { failuresBeforeDelay: vars.AUTH_SIGN_IN_FAILURES_BEFORE_DELAY, maxDelaySeconds: vars.AUTH_SIGN_IN_MAX_DELAY_SECONDS },
    databasePool: {
      max: vars.DATABASE_POOL_MAX,
      connectTimeoutMs: vars.DATABASE_CONNECT_TIMEOUT_MS,
      queryTimeoutMs: vars.DATABASE_QUERY_TIMEOUT_MS,
    },
    mail: vars.SMTP_URL ? { via: "smtp", url: vars.SMTP_URL, from } : production ? { via: "none" } : { via: "outbox", from, dir: path.resolve(vars.MAIL_OUTBOX_DIR) },
    push: vars.VAPID_PUBLIC_KEY && vars.VAPID_PRIVATE_KEY && vars.VAPID_SUBJECT ? { publicKey: vars.VAPID_PUBLIC_KEY, privateKey: vars.VAPID_PRIVATE_KEY, subject: vars.VAPID_SUBJECT } : null,
    cronSecret: vars.CRON_SECRET ?? null,
  };
}

type Vars = z.infer<typeof schema>;

/**
 * On Vercel the public URL need not be configured: production answers on the project's
 * production domain, a preview on its branch URL (stable across pushes) or deployment URL.
 */
function vercelAppUrl(vars: Vars): string | undefined {
  const host = vars.VERCEL_ENV === "production" ? vars.VERCEL_PROJECT_PRODUCTION_URL : (vars.VERCEL_BRANCH_URL ?? vars.VERCEL_URL);
  return host && `https://${host}`;
}

/**
 * Browsers may call the auth endpoints from the app's own URL and, on Vercel, from every URL of
 * this deployment (a preview is reached by its deployment and its branch URL). In development,
 * from any port of this machine: a second dev server, or 127.0.0.1 instead of localhost.
 */
function trustedOrigins(vars: Vars, appUrl: string | undefined): string[] {
  const vercelHosts = [vars.VERCEL_URL, vars.VERCEL_BRANCH_URL, vars.VERCEL_PROJECT_PRODUCTION_URL].filter((host) => host !== undefined);
  const local = vars.NODE_ENV === "production" ? [] : ["http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"];
  const origins = [new URL(appUrl ?? "http://localhost:3000").origin, ...vercelHosts.map((host) => `https://${host}`), ...local];
  return [...new Set(origins)];
}

// On globalThis so that Next.js's separate module graphs validate (and warn) once per process.
const holder = globalThis as unknown as { tasksEnv?: Env };

/** The validated configuration of this process; throws ConfigError naming what to set. */
export function getEnv(): Env {
  return (holder.tasksEnv ??= parseEnv(process.env));
}
