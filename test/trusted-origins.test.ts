import { describe, expect, it } from "vitest";
import { createAuth } from "@/lib/better-auth";
import { parseEnv } from "@/lib/env";
import { setUpTestDatabase } from "./support/database";
import { randomIp } from "./support/http";

// Sign-up from a browser is refused unless its Origin is trusted (Better Auth's CSRF check).
// Preview deployments and local dev servers on other ports must work; other sites must not.

const db = setUpTestDatabase();
const secret = "test-only-secret-0123456789abcdef0123456789abcdef";
const preview = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://u:p@db.example.com:5432/tasks",
  BETTER_AUTH_SECRET: secret,
  VERCEL: "1",
  VERCEL_ENV: "preview",
  VERCEL_URL: "tasks-7fk2p9x1q-team.vercel.app",
  VERCEL_BRANCH_URL: "tasks-git-feature-team.vercel.app",
  VERCEL_PROJECT_PRODUCTION_URL: "tasks.example.com",
};

async function signUpFrom(env: Record<string, string>, origin: string): Promise<Response> {
  const auth = createAuth(db.prisma, parseEnv(env));
  const email = `someone-${crypto.randomUUID()}@example.com`;
  return auth.handler(
    new Request(`${parseEnv(env).appUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { origin, "content-type": "application/json", "x-real-ip": randomIp() },
      body: JSON.stringify({ name: "Someone", email, password: "correct horse battery" }),
    }),
  );
}

describe("trusted origins", () => {
  it("lets a Vercel preview sign up from its branch URL and its deployment URL", async () => {
    expect(parseEnv(preview).appUrl).toBe("https://tasks-git-feature-team.vercel.app");
    expect((await signUpFrom(preview, "https://tasks-git-feature-team.vercel.app")).status).toBe(200);
    expect((await signUpFrom(preview, "https://tasks-7fk2p9x1q-team.vercel.app")).status).toBe(200);
  });

  it("refuses another site, another preview and plain http on a preview", async () => {
    for (const origin of ["https://evil.example", "https://tasks-git-other-attacker.vercel.app", "http://tasks-git-feature-team.vercel.app", "http://localhost:3000"]) {
      const response = await signUpFrom(preview, origin);
      expect(response.status, origin).toBe(403);
    }
  });

  it("lets a developer use another port or 127.0.0.1, in development only", async () => {
    const development = { NODE_ENV: "development", BETTER_AUTH_SECRET: secret, CLIENT_IP_HEADER: "x-real-ip" };
    for (const origin of ["http://localhost:3001", "http://127.0.0.1:3000", "http://127.0.0.1:4123"]) {
      expect((await signUpFrom(development, origin)).status, origin).toBe(200);
    }
    expect((await signUpFrom(development, "http://evil.localhost.example:3000")).status).toBe(403);
    const production = { ...development, NODE_ENV: "production", DATABASE_URL: "postgres://u:p@db:5432/t", BETTER_AUTH_URL: "https://tasks.example.com" };
    expect((await signUpFrom(production, "http://127.0.0.1:3000")).status).toBe(403);
    expect((await signUpFrom(production, "https://tasks.example.com")).status).toBe(200);
  });
});
