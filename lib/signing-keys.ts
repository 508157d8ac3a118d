import crypto from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";

// Better Auth's jwt plugin creates a signing key whenever it finds no live one: on a fresh
// database, and when the current key reaches its rotation date. Left alone, every request that
// arrives in that moment creates its own key (50 parallel token requests made 20 keys). This
// makes creation idempotent: concurrent callers in one process share one creation, and a
// PostgreSQL advisory lock serializes servers, each of which first re-checks for a live key.

/** The fields Better Auth's jwt plugin stores for a key (its `Jwk` type, minus the id). */
interface NewSigningKey {
  publicKey: string;
  privateKey: string;
  createdAt: Date;
  expiresAt?: Date;
  alg?: string;
  crv?: string;
}

const SIGNING_KEY_LOCK = 727_001; // any constant, unique among this app's advisory locks

const creations = new WeakMap<PrismaClient, Promise<unknown>>();

export function createSigningKeyOnce<Key>(prisma: PrismaClient, key: NewSigningKey): Promise<Key> {
  const pending = creations.get(prisma);
  if (pending) return pending as Promise<Key>;
  const creation = prisma
    .$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${SIGNING_KEY_LOCK})`;
      const live = await tx.jwks.findFirst({
        where: { alg: key.alg ?? null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
        orderBy: { createdAt: "desc" },
      });
      return live ?? tx.jwks.create({ data: { id: crypto.randomUUID(), ...key } });
    })
    .finally(() => creations.delete(prisma));
  creations.set(prisma, creation);
  return creation as Promise<Key>;
}
