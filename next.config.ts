import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its .wasm/.data files from node_modules at run time. Externalize it together
  // with its Prisma adapter: externalizing only one gives two copies of PGlite's classes, and
  // database errors are no longer mapped (a unique violation surfaces as raw 23505, not P2002).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
};

export default nextConfig;
