import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";
import { captureLogs } from "./support/logs";

const productionSecret = "a-real-production-secret-with-32-chars!";

describe("environment configuration", () => {
  it("defaults to the embedded database and a development secret, with a warning, in development", () => {
    const logs = captureLogs();
    const env = parseEnv({ NODE_ENV: "development" });
    logs.stop();
    expect(env.databaseUrl).toBe("pglite:./.data/pglite");
    expect(env.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(logs.lines).toEqual([expect.objectContaining({ level: "warn", msg: expect.stringContaining("BETTER_AUTH_SECRET") })]);
  });

  it("uses a PostgreSQL server when DATABASE_URL names one", () => {
    const env = parseEnv({ NODE_ENV: "test", DATABASE_URL: "postgres://u:p@db:5432/tasks", BETTER_AUTH_SECRET: productionSecret });
    expect(env.databaseUrl).toBe("postgres://u:p@db:5432/tasks");
  });

  it("treats blank values as unset", () => {
    const env = parseEnv({ NODE_ENV: "test", DATABASE_URL: " ", BETTER_AUTH_SECRET: productionSecret });
    expect(env.databaseUrl).toBe("pglite:./.data/pglite");
  });

  it("refuses to start in production without DATABASE_URL, saying what to set", () => {
    expect(() => parseEnv({ NODE_ENV: "production", BETTER_AUTH_SECRET: productionSecret, BETTER_AUTH_URL: "https://t.example" })).toThrow(
      /DATABASE_URL: required in production/,
    );
  });

  it("accepts the embedded database in production only when named explicitly", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "pglite:/var/data/tasks",
      BETTER_AUTH_SECRET: productionSecret,
      BETTER_AUTH_URL: "https://t.example/",
    });
    expect(env.databaseUrl).toBe("pglite:/var/data/tasks");
    expect(env.appUrl).toBe("https://t.example");
  });

  it("refuses to start in production with a missing or short secret, naming the variable", () => {
    const base = { NODE_ENV: "production", DATABASE_URL: "postgres://db/tasks", BETTER_AUTH_URL: "https://t.example" };
    expect(() => parseEnv(base)).toThrow(/BETTER_AUTH_SECRET: required in production/);
    expect(() => parseEnv({ ...base, BETTER_AUTH_SECRET: "too-short" })).toThrow(/BETTER_AUTH_SECRET: must be at least 32 characters/);
  });

  it("delays sign-ins after 5 failures, for at most 15 minutes, unless tuned, and never switched off", () => {
    expect(parseEnv({ NODE_ENV: "test", BETTER_AUTH_SECRET: productionSecret }).signInDelay).toEqual({ failuresBeforeDelay: 5, maxDelaySeconds: 900 });
    expect(() => parseEnv({ NODE_ENV: "test", AUTH_SIGN_IN_FAILURES_BEFORE_DELAY: "0" })).toThrow(/AUTH_SIGN_IN_FAILURES_BEFORE_DELAY/);
    expect(() => parseEnv({ NODE_ENV: "test", AUTH_SIGN_IN_FAILURES_BEFORE_DELAY: "1000" })).toThrow(/AUTH_SIGN_IN_FAILURES_BEFORE_DELAY/);
  });

  it("rejects a database URL it cannot use", () => {
    expect(() => parseEnv({ NODE_ENV: "test", DATABASE_URL: "mysql://db/tasks" })).toThrow(ConfigError);
  });

  it("accepts pino's log levels and refuses anything else, naming LOG_LEVEL", () => {
    const base = { NODE_ENV: "test", BETTER_AUTH_SECRET: productionSecret };
    for (const level of ["silent", "debug", "error", ""]) expect(() => parseEnv({ ...base, LOG_LEVEL: level })).not.toThrow();
    expect(() => parseEnv({ ...base, LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL/);
  });
});

describe("client addresses", () => {
  const production = { NODE_ENV: "production", DATABASE_URL: "postgres://db/tasks", BETTER_AUTH_SECRET: productionSecret, BETTER_AUTH_URL: "https://t.example" };

  it("come from the header CLIENT_IP_HEADER names, past the proxies listed after it", () => {
    expect(parseEnv({ ...production, CLIENT_IP_HEADER: "X-Real-IP" }).clientIp).toEqual({ header: "x-real-ip", trustedProxies: [] });
    expect(parseEnv({ ...production, CLIENT_IP_HEADER: "x-forwarded-for 10.0.0.0/8, 192.0.2.10 2001:db8::/32" }).clientIp).toEqual({
      header: "x-forwarded-for",
      trustedProxies: ["10.0.0.0/8", "192.0.2.10", "2001:db8::/32"],
    });
  });

  it("refuse a CLIENT_IP_HEADER that is not a header name and IP addresses or CIDR ranges", () => {
    for (const value of ["x-real-ip: 10.0.0.1", "x-forwarded-for 10.0.0.0/33", "x-forwarded-for proxy.internal", "x-forwarded-for 10.0.0.0/8/8"]) {
      expect(() => parseEnv({ ...production, CLIENT_IP_HEADER: value }), value).toThrow(/CLIENT_IP_HEADER/);
    }
  });

  it("come from x-real-ip on Vercel, which no client can forge there, and from nowhere else", () => {
    expect(parseEnv({ ...production, VERCEL: "1" }).clientIp).toEqual({ header: "x-real-ip", trustedProxies: [] });
    expect(() => parseEnv({ ...production, VERCEL: "1", CLIENT_IP_HEADER: "x-forwarded-for" })).toThrow(/CLIENT_IP_HEADER: unset it on Vercel/);
  });

  it("have no source on a bare production server, which says so as it starts", () => {
    const logs = captureLogs();
    expect(parseEnv({ ...production, SMTP_URL: "smtp://mail.example.com:587" }).clientIp).toBeNull();
    logs.stop();
    expect(logs.lines).toEqual([expect.objectContaining({ level: "warn", msg: expect.stringContaining("CLIENT_IP_HEADER is not set") })]);
  });
});

describe("outgoing mail", () => {
  const production = { NODE_ENV: "production", DATABASE_URL: "postgres://u:p@db:5432/tasks", BETTER_AUTH_SECRET: productionSecret, VERCEL: "1" };

  it("goes through SMTP_URL, from MAIL_FROM or no-reply at the app's host", () => {
    expect(parseEnv({ ...production, BETTER_AUTH_URL: "https://tasks.example.com", SMTP_URL: "smtps://u:p@smtp.example.com:465" }).mail).toEqual({
      via: "smtp",
      url: "smtps://u:p@smtp.example.com:465",
      from: "Tasks <no-reply@tasks.example.com>",
    });
    expect(parseEnv({ ...production, BETTER_AUTH_URL: "https://tasks.example.com", SMTP_URL: "smtp://mail:25", MAIL_FROM: "Team <team@example.com>" }).mail).toMatchObject({ from: "Team <team@example.com>" });
  });

  it("is kept in a local outbox in development, and goes nowhere in production without SMTP_URL, which says so", () => {
    expect(parseEnv({ NODE_ENV: "development", BETTER_AUTH_SECRET: productionSecret }).mail).toMatchObject({ via: "outbox", dir: expect.stringMatching(/\.data\/outbox$/) });
    const logs = captureLogs();
    expect(parseEnv({ ...production, BETTER_AUTH_URL: "https://tasks.example.com" }).mail).toEqual({ via: "none" });
    logs.stop();
    expect(logs.lines).toEqual([expect.objectContaining({ level: "warn", msg: expect.stringContaining("SMTP_URL is not set") })]);
  });

  it("refuses an SMTP_URL or MAIL_FROM that is not one, naming it", () => {
    for (const [name, value] of [["SMTP_URL", "mail.example.com:25"], ["SMTP_URL", "https://mail.example.com"], ["MAIL_FROM", "Tasks"], ["MAIL_FROM", "Tasks <a@b.c>\r\nBcc: x@y.z"]]) {
      expect(() => parseEnv({ ...production, BETTER_AUTH_URL: "https://tasks.example.com", SMTP_URL: "smtp://mail:25", [name]: value }), value).toThrow(new RegExp(name));
    }
  });
});

describe("on Vercel", () => {
  const vercel = { NODE_ENV: "production", DATABASE_URL: "postgres://u:p@db:5432/tasks", BETTER_AUTH_SECRET: productionSecret, VERCEL: "1" };

  it("takes the public URL from Vercel's system variables when BETTER_AUTH_URL is unset", () => {
    const production = { ...vercel, VERCEL_ENV: "production", VERCEL_URL: "tasks-abc-team.vercel.app", VERCEL_PROJECT_PRODUCTION_URL: "tasks.example.com" };
    expect(parseEnv(production).appUrl).toBe("https://tasks.example.com");
    expect(parseEnv({ ...production, VERCEL_ENV: "preview", VERCEL_BRANCH_URL: "tasks-git-x-team.vercel.app" }).appUrl).toBe("https://tasks-git-x-team.vercel.app");
    expect(parseEnv({ ...production, VERCEL_ENV: "preview" }).appUrl).toBe("https://tasks-abc-team.vercel.app");
    expect(parseEnv({ ...production, BETTER_AUTH_URL: "https://todo.example.org/" }).appUrl).toBe("https://todo.example.org");
  });

  it("still requires BETTER_AUTH_URL in production when Vercel names no URL", () => {
    expect(() => parseEnv(vercel)).toThrow(/BETTER_AUTH_URL/);
  });

  it("rejects a direct migration URL that is not PostgreSQL", () => {
    expect(() => parseEnv({ ...vercel, BETTER_AUTH_URL: "https://t.example", DATABASE_URL_UNPOOLED: "mysql://x" })).toThrow(/DATABASE_URL_UNPOOLED/);
  });

  it("turns Web Push on with all three VAPID settings, off with none, and refuses a half configuration", () => {
    const base = { NODE_ENV: "test", BETTER_AUTH_SECRET: productionSecret };
    const keys = { VAPID_PUBLIC_KEY: `B${"a".repeat(86)}`, VAPID_PRIVATE_KEY: "b".repeat(43), VAPID_SUBJECT: "mailto:ops@example.com" };
    expect(parseEnv(base).push).toBeNull();
    expect(parseEnv({ ...base, ...keys }).push).toEqual({ publicKey: keys.VAPID_PUBLIC_KEY, privateKey: keys.VAPID_PRIVATE_KEY, subject: keys.VAPID_SUBJECT });
    expect(() => parseEnv({ ...base, ...keys, VAPID_SUBJECT: undefined })).toThrow(/set all three for Web Push, or none/);
    expect(() => parseEnv({ ...base, ...keys, VAPID_SUBJECT: "http://example.com" })).toThrow(/VAPID_SUBJECT/);
    expect(() => parseEnv({ ...base, ...keys, VAPID_PRIVATE_KEY: "short" })).toThrow(/VAPID_PRIVATE_KEY/);
  });

  it("takes a CRON_SECRET of at least 16 characters; none leaves the sender's route closed", () => {
    const base = { NODE_ENV: "test", BETTER_AUTH_SECRET: productionSecret };
    expect(parseEnv(base).cronSecret).toBeNull();
    expect(parseEnv({ ...base, CRON_SECRET: "0123456789abcdef" }).cronSecret).toBe("0123456789abcdef");
    expect(() => parseEnv({ ...base, CRON_SECRET: "short" })).toThrow(/CRON_SECRET: must be at least 16 characters/);
  });
});
