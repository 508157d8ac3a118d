import { noticeAccessTokenCreated } from "../accounts/account-mail";
import { ACCESS_TOKEN_CREATE_LIMIT } from "../accounts/limits";
import { confirmPassword } from "../accounts/password-check";
import type { Actor } from "../actor";
import { API_TOKEN_LIFETIME_SECONDS } from "../api-token";
import { RequestError } from "../api/errors";
import { AuthenticationError, type VerifiedPersonalToken } from "../auth";
import { getAuth } from "../better-auth";
import { RateLimitedError } from "../api/rate-limit";
import { getPrisma } from "../db";
import { getEnv } from "../env";
import { limitReached } from "../domain-errors";
import { missingRowError, ownedList } from "../ownership";
import { forgetCredential } from "../session-liveness";
import { startUserWrite } from "../user-lock";
import { TOKENS_PER_USER_MAX } from "./constants";
import type { z } from "zod";
import type { accessTokenSchema, ExchangeInput, exchangedTokenSchema, TokenInput } from "./schemas";
import { SCOPES } from "./scopes";
import { newSecret } from "./secret";

// A user's personal access tokens: made, listed and revoked from a browser session; exchanged by
// a program for a short-lived JWT that carries the token's scopes and id (`tid`), which
// verifyRequest() checks like any other and the change log records as `token:<id>`.

export type AccessToken = z.output<typeof accessTokenSchema>;

const TOKEN_SELECT = { id: true, name: true, prefix: true, scopes: true, listIds: true, expiresAt: true, lastUsedAt: true, createdAt: true } as const;

function toAccessToken(row: { id: string; name: string; prefix: string; scopes: string[]; listIds: string[]; expiresAt: Date | null; lastUsedAt: Date | null; createdAt: Date }): AccessToken {
  return {
    id: row.id,
    name: row.name,
    shown: row.prefix,
    // In the order of lib/tokens/scopes.ts, whatever order they were chosen in
    scopes: SCOPES.filter((scope) => row.scopes.includes(scope)),
    listIds: row.listIds,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The user's tokens, newest first (expired ones too, marked by their date, until revoked). */
export async function listTokensForUser(userId: string): Promise<AccessToken[]> {
  const rows = await getPrisma().apiToken.findMany({ where: { userId }, select: TOKEN_SELECT, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map(toAccessToken);
}

/** A new token, and its secret: shown this once, stored only as a hash. */
/**
 * A new token, and its secret: shown this once, stored only as a hash. The account's password
 * must come with it (a token outlives the session, so a stolen session JWT must not be enough to
 * make a lasting one), and the account's address is told.
 */
export async function createTokenForUser(actor: Actor, input: TokenInput): Promise<{ token: AccessToken; secret: string }> {
  const { userId } = actor;
  const prisma = getPrisma();
  const problem = await confirmPassword(prisma, userId, input.password, { bucket: "/api/tokens", limit: ACCESS_TOKEN_CREATE_LIMIT });
  if (problem && "retryAfter" in problem) throw new RateLimitedError(problem.retryAfter);
  if (problem) throw new RequestError(422, "validation_failed", "The access token has invalid fields: password.", { password: [problem.message] });
  const { secret, hash, shown } = newSecret();
  const expiresAt = input.expiresInDays === null ? null : new Date(Date.now() + input.expiresInDays * 86_400_000);
  const [row, user] = await prisma.$transaction(async (tx) => {
    await startUserWrite(tx, actor); // the limit holds under concurrent creates
    if ((await tx.apiToken.count({ where: { userId } })) >= TOKENS_PER_USER_MAX) throw limitReached("token_limit_reached", TOKENS_PER_USER_MAX, "access tokens");
    for (const listId of input.listIds) await ownedList(tx, userId, listId, "listIds");
    return Promise.all([
      tx.apiToken.create({ data: { userId, name: input.name, prefix: shown, hash, scopes: input.scopes, listIds: input.listIds, expiresAt }, select: TOKEN_SELECT }),
      tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } }),
    ]);
  });
  noticeAccessTokenCreated(user, row.name, getEnv().appUrl);
  return { token: toAccessToken(row), secret };
}

/** Revokes a token: it cannot be exchanged again, and the JWTs it was exchanged for stop working. */
export async function revokeTokenForUser(userId: string, tokenId: string): Promise<void> {
  const prisma = getPrisma();
  const { count } = await prisma.apiToken.deleteMany({ where: { id: tokenId, userId } });
  if (count === 0) throw await missingRowError(prisma, userId, "access token", tokenId);
  forgetCredential({ kind: "token", id: tokenId });
}

export type ExchangedToken = z.output<typeof exchangedTokenSchema>;

/** A short-lived JWT for the token, with all of its scopes or (`scopes`) some of them. */
export async function exchangeToken(token: VerifiedPersonalToken, input: ExchangeInput): Promise<ExchangedToken> {
  const extra = (input.scopes ?? []).filter((scope) => !token.scopes.includes(scope));
  if (extra.length > 0) throw new RequestError(400, "invalid_scope", `This access token does not have ${extra.join(", ")}: ask for some of ${token.scopes.join(", ")}.`);
  const scope = SCOPES.filter((name) => (input.scopes ?? token.scopes).includes(name)).join(" ");
  if (scope === "") throw new AuthenticationError("This access token has no scope this server knows: make a new one.", true);
  // Written here and not at every request: "last used" is when a program last began to work.
  const { count } = await getPrisma().apiToken.updateMany({ where: { id: token.tokenId }, data: { lastUsedAt: new Date() } });
  if (count === 0) throw new AuthenticationError("This access token has just been revoked.", true);
  const iat = Math.floor(Date.now() / 1000);
  // Better Auth signs with the API's keys, issuer and audience; `iat` must be in the payload or
  // it leaves it out, and verifyRequest() requires it.
  const lists = token.listIds.length > 0 ? { lists: token.listIds } : {};
  const { token: accessToken } = await getAuth().api.signJWT({ body: { payload: { iat, sub: token.userId, tid: token.tokenId, scope, ...lists } } });
  return { accessToken, tokenType: "Bearer", expiresIn: API_TOKEN_LIFETIME_SECONDS, scope };
}
