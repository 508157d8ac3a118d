import { ConfigError, getEnv } from "./env";

/** Checks done once as the server starts, so that a misconfigured deploy fails at once. */
export async function startServer(): Promise<void> {
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[startup] ${error.message}`);
    process.exit(1);
  }
}
