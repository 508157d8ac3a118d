import { createHash, randomBytes } from "node:crypto";
import { getPrisma } from "../db";
import { TOKEN_SECRET_PREFIX, TOKEN_SHOWN_CHARACTERS } from "./constants";

// A personal access token's secret: 32 random bytes (base64url, 43 characters) after a
// recognisable prefix. Only its SHA-256 is stored: a fast hash is right for a 256-bit random
// secret, which cannot be guessed, and lets a presented token be found by one indexed lookup.

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("base64url");

export function newSecret(): { secret: string; hash: string; shown: string } {
  const secret = TOKEN_SECRET_PREFIX + randomBytes(32).toString("base64url");
  return { secret, hash: hashSecret(secret), shown: secret.slice(0, TOKEN_SECRET_PREFIX.length + TOKEN_SHOWN_CHARACTERS) };
}

/** The token whose secret this is, if any (expired ones too: the caller says why it refuses). */
export function findPersonalToken(secret: string) {
  return getPrisma().apiToken.findUnique({ where: { hash: hashSecret(secret) }, select: { id: true, userId: true, scopes: true, listIds: true, expiresAt: true } });
}
