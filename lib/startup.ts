import { ensureSigningKey } from "./better-auth";
import { ConfigError, getEnv } from "./env";
import { getLogger } from "./log";

/** Done once as the server starts, so that a misconfigured deploy fails at once. */
export async function startServer(): Promise<void> {
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    getLogger().fatal(error.message);
    process.exit(1);
  }
  // Create the JWT signing key before traffic. If the database is not ready (not migrated yet),
  // say so and keep serving: requests then get 503s, and /api/health reports it.
  try {
    await ensureSigningKey();
  } catch (error) {
    getLogger().error({ err: error }, "could not prepare the JWT signing key (is the database migrated? run `npm run db:deploy`)");
  }
}
