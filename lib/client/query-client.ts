import { isServer, QueryClient } from "@tanstack/react-query";
import { ApiError, NETWORK_ERROR } from "./tasks-api";

// One QueryClient per server request (never shared between users), one for the browser's life.

/** Tasks the server rendered stay fresh this long, so the browser does not fetch them again. */
const STALE_MS = 60_000;
const READ_RETRIES = 2;

/** Reads are retried when the network or the server failed, never when the request was refused. */
function shouldRetry(failures: number, error: unknown): boolean {
  const transient = error instanceof ApiError && (error.code === NETWORK_ERROR || error.status >= 500);
  return transient && failures < READ_RETRIES;
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: STALE_MS, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}

let browserClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
