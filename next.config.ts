import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { ConfigError, parseEnv } from "./lib/env";
import { PAGE_POST_MAX_BYTES } from "./lib/page-posts";

const production = process.env.NODE_ENV === "production";

// The Content-Security-Policy is not here: it carries a per-request nonce, so middleware.ts sets it.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "X-Frame-Options", value: "DENY" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" }] : []),
];

const nextConfig: NextConfig = {
  // PGlite loads its .wasm/.data files from node_modules at run time. Externalize it together
  // with its Prisma adapter: externalizing only one gives two copies of PGlite's classes, and
  // database errors are no longer mapped (a unique violation surfaces as raw 23505, not P2002).
  // Better Auth and its passkey plugin are loaded from node_modules too: bundled, every page that
  // signs people in (sign-in, its second step, sign-up, settings, the mail links' pages) carried
  // its own 1.1 MB copy of them, and the pages' shared server function outgrew its budget
  // (17.2 MB against 15; e2e/server-functions.mjs). Loaded once, it is 14.1 MB.
  // zod and nodemailer likewise for the API routes: Turbopack put the same 0.8 MB chunk (zod 0.37 MB,
  // nodemailer 0.24 MB) into each of the API's 9 chunk groups, and the API's server function grew
  // to 20.6 MB with the token, MCP and OpenAPI routes; loaded from node_modules, it is 14.8 MB.
  // The same for the other packages every API route loads through lib/api/route.ts (the Prisma
  // driver adapter, jose, @vercel/functions, imported by its subpath so that only that file is
  // traced): Turbopack wrote the same 191 KB chunk of the route wrapper's modules 5 times under
  // different names (one per differently shaped chunk group); loaded from node_modules, a package
  // ships once per function however many routes use it. Not the MCP SDK: loaded whole from
  // node_modules it is 0.8 MB, more than its two bundled copies (MCP and OpenAPI routes).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "better-auth",
    "@better-auth/passkey",
    "zod",
    "nodemailer",
    "@prisma/adapter-pg",
    "jose",
    "@vercel/functions",
    "rrule-temporal",
    "temporal-polyfill",
    // Only the reminder sender loads it; loaded from node_modules, it stays out of the API's shared chunks.
    "web-push",
  ],
  // The readiness check compares the applied migrations with the ones this build ships; sign-up
  // (the JSON endpoint and the form's server action) reads the list of common passwords.
  outputFileTracingIncludes: {
    "/api/health/ready": ["./prisma/migrations/**/*"],
    "/api/auth/*": ["./lib/accounts/common-passwords.txt"],
    "/sign-up": ["./lib/accounts/common-passwords.txt"],
  },
  poweredByHeader: false,
  // The forms' server actions; middleware.ts refuses a larger body before Next.js reads it.
  experimental: { serverActions: { bodySizeLimit: PAGE_POST_MAX_BYTES } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

/**
 * A production build validates the configuration it will run with (like start-up does), so that
 * a deploy without its variables fails at build time with each one named, not at the first request.
 */
function validateProductionConfiguration(): void {
  try {
    parseEnv({ ...process.env, NODE_ENV: "production" });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`\n${error.message}\n\nSet them for the build and the server (on Vercel: Project Settings, Environment Variables), then build again.\n`);
    process.exit(1);
  }
}

export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD) validateProductionConfiguration();
  return nextConfig;
}
