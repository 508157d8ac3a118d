import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
import { resolveDatabaseUrl } from "./lib/database-url";

// Prisma's CLI would download a native schema engine, which our machines (and many firewalls)
// cannot reach. Point it at a small bridge to Prisma's own Wasm engine instead; a user who has
// the native binary can still set PRISMA_SCHEMA_ENGINE_BINARY themselves.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL("./prisma/schema-engine.mjs", import.meta.url));

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: resolveDatabaseUrl(process.env) },
});
