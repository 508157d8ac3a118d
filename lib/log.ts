import pino, { type DestinationStream, type LevelWithSilent, type Logger } from "pino";

// The server's one logger: one JSON object per line on stdout, which the platform collects and
// makes searchable. JSON has no terminal colour codes, and nothing here pretty-prints.

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const satisfies readonly LevelWithSilent[];

// Callers never log these; pino's redaction is the belt should one slip in (top level, one
// level down, or in a headers object).
const SENSITIVE_KEYS = ["authorization", "cookie", "set-cookie", "password", "token", "email"];
const REDACTED_PATHS = SENSITIVE_KEYS.flatMap((key) => [`["${key}"]`, `*["${key}"]`, `*.headers["${key}"]`]);

/**
 * LOG_LEVEL, read without getEnv(): the logger must work while the configuration is invalid,
 * since start-up reports exactly that through it. lib/env.ts validates the variable; an unknown
 * value here means the default.
 */
function levelFromEnv(): LevelWithSilent {
  return LOG_LEVELS.find((level) => level === process.env.LOG_LEVEL) ?? "info";
}

/**
 * A logger writing to `destination`. Synchronous on stdout by default: each line is written
 * before the response leaves, so nothing is lost when the process exits or is frozen.
 */
export function createLogger(destination: DestinationStream = pino.destination({ dest: 1, sync: true }), level = levelFromEnv()): Logger {
  return pino(
    {
      level,
      formatters: { level: (label) => ({ level: label }) }, // "error", not 50: searchable as a word
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    destination,
  );
}

// On globalThis: Next.js loads instrumentation and routes as separate module graphs, and the
// test seam below must reach all of them.
const holder = globalThis as unknown as { tasksLogger?: Logger };

export function getLogger(): Logger {
  return (holder.tasksLogger ??= createLogger());
}

/** Test seam: make the app log through another logger (one writing to a test's stream); undefined resets it. */
export function setLoggerForTests(logger: Logger | undefined): void {
  holder.tasksLogger = logger;
}
