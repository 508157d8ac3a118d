import { symmetricDecrypt } from "better-auth/crypto";
import { base64url, decodeJwt, exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import * as tasksRoute from "@/app/api/tasks/route";
import { getEnv } from "@/lib/env";
import { setUpTestDatabase } from "./support/database";
import { apiRequest, APP_URL, callRoute, signUpUser, type TestUser } from "./support/http";

// What an attacker would try against verifyRequest(). Every case must get 401 (never 5xx),
// both for reading and for writing.

const db = setUpTestDatabase();

let victim: TestUser;
let attacker: TestUser;
let realKey: { kid: string; privateKey: CryptoKey; publicJwk: JWK };
let foreignKey: { privateKey: CryptoKey; publicJwk: JWK };

const now = () => Math.floor(Date.now() / 1000);
const encode = (value: object) => base64url.encode(JSON.stringify(value));
const unsigned = (header: object, payload: object, signature = "") => `${encode(header)}.${encode(payload)}.${signature}`;

/** Claims exactly like those the app issues for `sub`, from the victim's session unless told. */
const claims = (sub: string, sid = decodeJwt(victim.token).sid) => ({ sub, sid, iat: now(), exp: now() + 600, iss: APP_URL, aud: "tasks-api" });

async function sign(key: CryptoKey, header: Record<string, unknown>, payload: Record<string, unknown>) {
  return new SignJWT(payload).setProtectedHeader({ alg: "EdDSA", ...header }).sign(key);
}
async function hs256(secret: Uint8Array, kid: string, payload: Record<string, unknown>) {
  return new SignJWT(payload).setProtectedHeader({ alg: "HS256", kid }).sign(secret);
}

beforeAll(async () => {
  [victim, attacker] = await Promise.all([signUpUser("Victim"), signUpUser("Attacker")]);
  // The app's real signing key, read back the way Better Auth stores it, so that tests can make
  // tokens that are correctly signed but wrong in one claim.
  const row = await db.prisma.jwks.findFirstOrThrow();
  const privateJwk = JSON.parse(await symmetricDecrypt({ key: getEnv().authSecret, data: JSON.parse(row.privateKey) }));
  realKey = { kid: row.id, privateKey: (await importJWK(privateJwk, "EdDSA")) as CryptoKey, publicJwk: JSON.parse(row.publicKey) };
  const foreign = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  foreignKey = { privateKey: foreign.privateKey, publicJwk: await exportJWK(foreign.publicKey) };
});

async function expectRejected(authorization: string | undefined) {
  const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
  for (const [handler, request] of [
    [tasksRoute.GET, apiRequest("/api/tasks", { headers })],
    [tasksRoute.POST, apiRequest("/api/tasks", { method: "POST", body: { title: "planted" }, headers })],
  ] as const) {
    const response = await callRoute(handler, request);
    expect(response.status).toBe(401);
    expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect((await response.json()).error.code).toBe("unauthorized");
  }
  expect(await db.prisma.task.count({ where: { title: "planted" } })).toBe(0);
}

describe("the real token, for reference", () => {
  it("is accepted", async () => {
    expect((await callRoute(tasksRoute.GET, apiRequest("/api/tasks", { token: victim.token }))).status).toBe(200);
  });

  it("signed by the test's copy of the real key is accepted too (so the cases below test one flaw each)", async () => {
    const token = await sign(realKey.privateKey, { kid: realKey.kid }, claims(victim.id));
    expect((await callRoute(tasksRoute.GET, apiRequest("/api/tasks", { token }))).status).toBe(200);
  });
});

describe("requests that must get 401", () => {
  const cases: [string, () => Promise<string | undefined>][] = [
    ["no Authorization header", async () => undefined],
    ["Basic scheme", async () => `Basic ${Buffer.from("user:pass").toString("base64")}`],
    ["Basic scheme carrying a valid JWT", async () => `Basic ${victim.token}`],
    ["bearer without a token", async () => "bearer"],
    ["Bearer and a space only", async () => "Bearer "],
    ["two tokens", async () => `Bearer ${victim.token} ${attacker.token}`],
    ["two tokens, comma separated", async () => `Bearer ${victim.token}, Bearer ${attacker.token}`],
    ["empty token", async () => "Bearer ''"],
    ["garbage token", async () => "Bearer not-a-jwt-at-all"],
    ["garbage in three segments", async () => "Bearer aaa.bbb.ccc"],
    ["two-segment token", async () => `Bearer ${victim.token.split(".").slice(0, 2).join(".")}`],
    ["valid token with its signature stripped", async () => `Bearer ${victim.token.split(".").slice(0, 2).join(".")}.`],
    ...["none", "None", "NONE", "nOnE"].map((alg): [string, () => Promise<string>] => [
      `alg "${alg}"`,
      async () => `Bearer ${unsigned({ alg, typ: "JWT" }, claims(victim.id))}`,
    ]),
    ["alg none with a signature attached", async () => `Bearer ${unsigned({ alg: "none", kid: realKey.kid }, claims(victim.id), "c2lnbmF0dXJl")}`],
    [
      "payload tampered: sub changed to another user",
      async () => {
        const [header, , signature] = attacker.token.split(".");
        return `Bearer ${header}.${encode(claims(victim.id))}.${signature}`;
      },
    ],
    ["HS256 signed with the public JWK (JSON) as secret", async () => `Bearer ${await hs256(new TextEncoder().encode(JSON.stringify(realKey.publicJwk)), realKey.kid, claims(victim.id))}`],
    ["HS256 signed with the public key bytes as secret", async () => `Bearer ${await hs256(base64url.decode(realKey.publicJwk.x!), realKey.kid, claims(victim.id))}`],
    ["HS256 signed with BETTER_AUTH_SECRET", async () => `Bearer ${await hs256(new TextEncoder().encode(getEnv().authSecret), realKey.kid, claims(victim.id))}`],
    ["foreign Ed25519 key with an unknown kid", async () => `Bearer ${await sign(foreignKey.privateKey, { kid: "attacker-key" }, claims(victim.id))}`],
    ["foreign Ed25519 key with the real kid", async () => `Bearer ${await sign(foreignKey.privateKey, { kid: realKey.kid }, claims(victim.id))}`],
    ["foreign Ed25519 key and no kid", async () => `Bearer ${await sign(foreignKey.privateKey, {}, claims(victim.id))}`],
    ["jwk header embedding the attacker's key", async () => `Bearer ${await sign(foreignKey.privateKey, { jwk: foreignKey.publicJwk }, claims(victim.id))}`],
    [
      "jwk header with the real kid",
      async () => `Bearer ${await sign(foreignKey.privateKey, { kid: realKey.kid, jwk: foreignKey.publicJwk }, claims(victim.id))}`,
    ],
    ["jku header pointing at the attacker's JWKS", async () => `Bearer ${await sign(foreignKey.privateKey, { kid: "k1", jku: "https://attacker.example/jwks.json" }, claims(victim.id))}`],
    ["x5u header pointing at the attacker's certificate", async () => `Bearer ${await sign(foreignKey.privateKey, { kid: "k1", x5u: "https://attacker.example/cert.pem" }, claims(victim.id))}`],
    ["kid with path traversal", async () => `Bearer ${await sign(foreignKey.privateKey, { kid: "../../../../etc/passwd" }, claims(victim.id))}`],
    ["kid with SQL", async () => `Bearer ${await sign(foreignKey.privateKey, { kid: "' OR '1'='1' --" }, claims(victim.id))}`],
    ["expired", async () => `Bearer ${await sign(realKey.privateKey, { kid: realKey.kid }, { ...claims(victim.id), iat: now() - 3600, exp: now() - 60 })}`],
    [
      "no exp",
      async () => `Bearer ${await sign(realKey.privateKey, { kid: realKey.kid }, { ...claims(victim.id), exp: undefined })}`,
    ],
    ["no iat", async () => `Bearer ${await sign(realKey.privateKey, { kid: realKey.kid }, { ...claims(victim.id), iat: undefined })}`],
    ["iat in the future", async () => `Bearer ${await sign(realKey.privateKey, { kid: realKey.kid }, { ...claims(victim.id), iat: now() + 600, exp: now() + 1200 })}`],
    ["older than a token can be, though not expired", async () => `Bearer ${await sign(realKey.privateKey, { kid: realKey.kid }, { ...claims(victim.id), iat: now() - 3600, exp: now() + 3600 })}`],
    ["no sid", async () => `Bearer ${await sign(realKey.privateKey, { kid: realKey.kid }, { ...claims(victim.id), sid: undefined })}`],
    ["sid of a session that does not exist", async () => `Bearer ${await sign(realKey.privateKey, { kid: realKey.kid }, claims(victim.id, "no-such-session"))}`],
    ["sid of the attacker's own session with the victim's sub", async () => `Bearer ${await sign(realKey.privateKey, { kid: realKey.kid }, claims(victim.id, decodeJwt(attacker.token).sid))}`],
    ["nbf in the future", async () => `Bearer ${await sign(realKey.privateKey, { kid: realKey.kid }, { ...claims(victim.id), nbf: now() + 3600 })}`],
    ["wrong iss", async () => `Bearer ${await sign(realKey.privateKey, { kid: realKey.kid }, { ...claims(victim.id), iss: "https://attacker.example" })}`],
    ["wrong aud", async () => `Bearer ${await sign(realKey.privateKey, { kid: realKey.kid }, { ...claims(victim.id), aud: "another-api" })}`],
    ["no sub", async () => `Bearer ${await sign(realKey.privateKey, { kid: realKey.kid }, { ...claims(victim.id), sub: undefined })}`],
    ["empty sub", async () => `Bearer ${await sign(realKey.privateKey, { kid: realKey.kid }, { ...claims(victim.id), sub: "" })}`],
    ["sub of a user that does not exist", async () => `Bearer ${await sign(realKey.privateKey, { kid: realKey.kid }, claims("no-such-user"))}`],
    [
      "Better Auth's opaque session token as the Bearer token",
      async () => `Bearer ${decodeURIComponent(victim.cookie.match(/better-auth\.session_token=([^;]+)/)![1]).split(".")[0]}`,
    ],
    ["the whole signed session cookie value as the Bearer token", async () => `Bearer ${decodeURIComponent(victim.cookie.match(/better-auth\.session_token=([^;]+)/)![1])}`],
    ["a 10 KB Authorization header", async () => `Bearer ${"a".repeat(5000)}.${"b".repeat(5000)}.${"c".repeat(200)}`],
  ];

  it.each(cases)("%s", async (_name, authorization) => {
    await expectRejected(await authorization());
  });

  it("a valid token of a user who has since been deleted", async () => {
    const doomed = await signUpUser("Doomed");
    await db.prisma.user.delete({ where: { id: doomed.id } });
    await expectRejected(`Bearer ${doomed.token}`);
  });

  it("a 10 KB header of any shape", async () => {
    await expectRejected("x".repeat(10 * 1024));
  });
});

it("has a real signed session cookie to misuse in the cases above", () => {
  expect(victim.cookie).toMatch(/better-auth\.session_token=[^;]+\.[^;]+/);
});
