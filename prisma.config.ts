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
  // Migrations take an advisory lock and run DDL: through a pooler (PgBouncer, Neon's pooled
  // URL) the lock can be left behind. DATABASE_URL_UNPOOLED (what Vercel's Neon integration sets)
  // names the direct connection; without it, DATABASE_URL must be direct.
  datasource: { url: process.env.DATABASE_URL_UNPOOLED?.trim() || resolveDatabaseUrl(process.env) },
});
