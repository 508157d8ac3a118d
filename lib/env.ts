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

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: optional(
    z.string().regex(/^(postgres(ql)?:\/\/|pglite:)/, "must start with postgres://, postgresql:// or pglite: (an embedded database)"),
  ),
  BETTER_AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters; generate one with `openssl rand -base64 32`")),
  BETTER_AUTH_URL: optional(z.url("must be the app's public URL, e.g. https://tasks.example.com")),
  // Tunable for tests and benchmarks, never off: a positive count per window per client IP.
  AUTH_RATE_LIMIT_MAX: positiveInt(10_000, 10),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: positiveInt(86_400, 60),
  // Read by lib/log.ts itself (the logger must work without a valid configuration); checked here.
  LOG_LEVEL: z.preprocess(blankIsUnset, z.enum(LOG_LEVELS).default("info")),
});

export interface Env {
  /** postgres://... for a PostgreSQL server, pglite:<dir> or pglite:memory for the embedded one */
  databaseUrl: string;
  authSecret: string;
  /** The app's public origin: Better Auth's base URL and the JWT issuer */
  appUrl: string;
  /** Sign-in and sign-up attempts allowed per client IP in each window */
  authRateLimit: { max: number; windowSeconds: number };
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid environment configuration:\n${problems.join("\n")}`);
  }
  const vars = parsed.data;
  const production = vars.NODE_ENV === "production";
  if (production) {
    const missing = [
      !vars.DATABASE_URL &&
        "  DATABASE_URL: required in production (a postgres:// URL; the server's disk may not last, as on Vercel). " +
          "To run on the embedded database anyway, set it explicitly to pglite:<directory>.",
      !vars.BETTER_AUTH_SECRET && "  BETTER_AUTH_SECRET: required in production (at least 32 characters; `openssl rand -base64 32`).",
      !vars.BETTER_AUTH_URL && "  BETTER_AUTH_URL: required in production (the app's public URL, e.g. https://tasks.example.com).",
    ].filter(Boolean);
    if (missing.length) throw new ConfigError(`Missing environment configuration:\n${missing.join("\n")}`);
  } else if (!vars.BETTER_AUTH_SECRET) {
    getLogger().warn("BETTER_AUTH_SECRET is not set: using a development-only secret. Set it before deploying.");
  }
  return {
    databaseUrl: resolveDatabaseUrl(vars),
    authSecret: vars.BETTER_AUTH_SECRET ?? DEVELOPMENT_SECRET,
    appUrl: new URL(vars.BETTER_AUTH_URL ?? "http://localhost:3000").origin,
    authRateLimit: { max: vars.AUTH_RATE_LIMIT_MAX, windowSeconds: vars.AUTH_RATE_LIMIT_WINDOW_SECONDS },
  };
}

// On globalThis so that Next.js's separate module graphs validate (and warn) once per process.
const holder = globalThis as unknown as { tasksEnv?: Env };

/** The validated configuration of this process; throws ConfigError naming what to set. */
export function getEnv(): Env {
  return (holder.tasksEnv ??= parseEnv(process.env));
}
