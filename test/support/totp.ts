import crypto from "node:crypto";

// What an authenticator app does with the secret of an otpauth:// URI (RFC 6238: HMAC-SHA1,
// 30-second steps, 6 digits), written here from the RFCs rather than taken from Better Auth, so
// that the tests check its codes against an independent implementation.

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function fromBase32(text: string): Buffer {
  let bits = "";
  for (const char of text.replace(/[\s=]/g, "").toUpperCase()) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, "0");
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => parseInt(byte, 2)));
}

/** The base32 secret of an otpauth:// URI, or of a key as shown to type in ("ABCD EFGH ..."). */
export function secretOf(uriOrKey: string): string {
  return uriOrKey.startsWith("otpauth://") ? new URL(uriOrKey).searchParams.get("secret")! : uriOrKey.replace(/\s+/g, "");
}

/** The 6-digit code an authenticator app shows for `secret` (base32) at time `at` (ms). */
export function totpCode(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = crypto.createHmac("sha1", fromBase32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return ((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, "0");
}

/** A 6-digit code that is not the current one, nor the one before or after (which servers accept for clock drift). */
export function wrongCode(secret: string, at = Date.now()): string {
  const accepted = new Set([-1, 0, 1].map((step) => totpCode(secret, at + step * 30_000)));
  let code = "000000";
  for (let n = 0; accepted.has(code); n++) code = String(n).padStart(6, "0");
  return code;
}
