import { createHash, randomBytes } from "node:crypto";

// A feed's secret: 32 random bytes in base64url (43 characters), the only credential of a feed
// URL. Only its SHA-256 is stored: a fast hash is right for a 256-bit random secret, which
// cannot be guessed, and lets a presented one be found by one indexed lookup.

const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const hashFeedSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

export function newFeedSecret(): { secret: string; secretHash: string } {
  const secret = randomBytes(32).toString("base64url");
  return { secret, secretHash: hashFeedSecret(secret) };
}

/** Whether the text could be a secret at all: anything else is answered without a lookup. */
export const isFeedSecret = (text: string) => SECRET_PATTERN.test(text);
