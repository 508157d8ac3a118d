import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A production build without its configuration stops before compiling anything, naming each
// missing variable, as a Vercel build would show it.

function build(env: Record<string, string>) {
  const keep = Object.fromEntries(["PATH", "HOME", "TMPDIR"].flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : [])));
  const result = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], {
    env: { ...keep, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("next build for production", () => {
  it("stops at once, naming every missing variable", () => {
    const { status, output } = build({});
    expect(status).toBe(1);
    expect(output).toMatch(/DATABASE_URL: required in production/);
    expect(output).toMatch(/BETTER_AUTH_SECRET: required in production/);
    expect(output).toMatch(/BETTER_AUTH_URL: required in production/);
    expect(output).not.toMatch(/Compiled|Creating an optimized production build/);
  });

  it("on Vercel, needs no BETTER_AUTH_URL but still names a bad secret", () => {
    const { status, output } = build({
      VERCEL: "1",
      VERCEL_ENV: "production",
      VERCEL_PROJECT_PRODUCTION_URL: "tasks.example.com",
      DATABASE_URL: "postgres://u:p@db.example.com:5432/tasks",
      BETTER_AUTH_SECRET: "too-short",
    });
    expect(status).toBe(1);
    expect(output).toMatch(/BETTER_AUTH_SECRET: must be at least 32 characters/);
    expect(output).not.toMatch(/BETTER_AUTH_URL|DATABASE_URL:/);
  });
});
