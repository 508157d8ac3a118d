import type { PrismaClient } from "@/generated/prisma/client";
import { setNewest } from "./bounded-map";
import { getPrisma } from "./db";
import { idSchema } from "./ids";

// Whether the session or personal access token a JWT was issued from still exists: how
// revocation reaches JWTs that are already out (sign-out, "sign out everywhere", a password change
// that ends other sessions, a revoked or expired access token, a deleted account: each deletes or
// ends the row). Answers are cached per instance for SESSION_CHECK_INTERVAL_MS, so a busy API
// pays no database round trip per request, and a revoked credential's JWTs stop working on every
// instance within that interval (at once on the instance that revoked it: forgetCredential()).

export const SESSION_CHECK_INTERVAL_MS = 30_000;
const MAX_CACHED_CREDENTIALS = 10_000;

/** What a JWT was issued from: a browser session (its `sid`) or a personal access token (`tid`). */
export type Credential = { kind: "session"; id: string } | { kind: "token"; id: string };

interface Checked {
  /** The owner, or null when the credential no longer exists */
  userId: string | null;
  /** Null: never expires */
  expiresAt: number | null;
  checkedAt: number;
}

// Per database client (tests swap databases); on globalThis: Next.js loads route modules as
// separate module graphs.
const holder = globalThis as unknown as { tasksCredentialChecks?: WeakMap<PrismaClient, Map<string, Checked>> };
const checksByClient = (holder.tasksCredentialChecks ??= new WeakMap());

const cacheKey = (credential: Credential) => `${credential.kind}:${credential.id}`;

function checksOf(prisma: PrismaClient): Map<string, Checked> {
  let checks = checksByClient.get(prisma);
  if (!checks) checksByClient.set(prisma, (checks = new Map()));
  return checks;
}

async function lookUp(prisma: PrismaClient, credential: Credential): Promise<{ userId: string; expiresAt: Date | null } | null> {
  const select = { userId: true, expiresAt: true } as const;
  if (credential.kind === "session") return prisma.session.findUnique({ where: { id: credential.id }, select });
  // A token id that is not a UUID cannot exist (and would make PostgreSQL refuse the query).
  if (!idSchema.safeParse(credential.id).success) return null;
  return prisma.apiToken.findUnique({ where: { id: credential.id }, select });
}

/** Whether `credential` of user `userId` is alive; throws when the database cannot say. */
export async function isCredentialAlive(credential: Credential, userId: string): Promise<boolean> {
  const prisma = getPrisma();
  const checks = checksOf(prisma);
  const now = Date.now();
  const key = cacheKey(credential);
  let checked = checks.get(key);
  if (!checked || now - checked.checkedAt >= SESSION_CHECK_INTERVAL_MS) {
    const row = await lookUp(prisma, credential);
    checked = { userId: row?.userId ?? null, expiresAt: row ? (row.expiresAt?.getTime() ?? null) : 0, checkedAt: now };
    setNewest(checks, key, checked, MAX_CACHED_CREDENTIALS);
  }
  return checked.userId === userId && (checked.expiresAt === null || checked.expiresAt > now);
}

/** Forgets this instance's answer for a credential just ended here, so its JWTs stop at once. */
export function forgetCredential(credential: Credential): void {
  checksOf(getPrisma()).delete(cacheKey(credential));
}
