// Which errors mean "the database cannot serve this now" (answered 503 with Retry-After) rather
// than a bug (500). Shapes seen with Prisma 7 and its pg adapter: a Prisma error with a P1xxx
// code or a driver adapter error naming the connection; pg's own errors for a connect or query
// timeout, which the adapter passes through unmapped; and PostgreSQL's SQLSTATEs for a server
// shutting down, starting up or cancelling a statement.

/** How long a client should wait before retrying after a 503. */
export const RETRY_AFTER_SECONDS = 5;

// P1001 unreachable, P1002 timed out, P1008 operation timed out, P1017 connection closed,
// P2024 pool timeout, P2028 transaction could not start, P2037 too many connections,
// P2021/P2022 table or column missing (migrations not applied yet).
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2037", "P2021", "P2022"]);
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError", "DatabaseDoesNotExist", "DatabaseAccessDenied", "AuthenticationFailed", "TableDoesNotExist", "ColumnNotFound"]);
// 08 connection exceptions, 53 insufficient resources, 57 operator intervention (57014:
// statement timeout; 57P01-03: shutdown, crash, cannot connect now).
const UNAVAILABLE_SQLSTATE = /^(08|53|57)/;
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EAI_AGAIN"]);
// node-postgres's messages for its own timeouts and dropped connections (no code attached).
const PG_CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Connection ended/i;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } } };
}

export function isDatabaseUnavailableError(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const e = error as ErrorLike;
  if (e.constructor?.name === "PrismaClientInitializationError") return true;
  if (typeof e.code === "string") {
    if (UNAVAILABLE_PRISMA_CODES.has(e.code) || UNAVAILABLE_SOCKET_CODES.has(e.code)) return true;
    if (/^[0-9A-Z]{5}$/.test(e.code) && UNAVAILABLE_SQLSTATE.test(e.code)) return true;
  }
  const adapterCause = e.meta?.driverAdapterError?.cause;
  if (adapterCause) {
    if (typeof adapterCause.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(adapterCause.kind)) return true;
    const sqlState = adapterCause.originalCode ?? adapterCause.code;
    if (typeof sqlState === "string" && UNAVAILABLE_SQLSTATE.test(sqlState)) return true;
  }
  if (typeof e.message === "string" && PG_CONNECTION_MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailableError(e.cause, depth + 1);
}
