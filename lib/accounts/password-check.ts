import type { PrismaClient } from "@/generated/prisma/client";
import { getAuth } from "../better-auth";

/** Whether `password` is the user's: checked as sign-in checks it, against the stored hash. */
export async function isPasswordOf(prisma: PrismaClient, userId: string, password: string): Promise<boolean> {
  const account = await prisma.account.findFirst({ where: { userId, providerId: "credential" }, select: { password: true } });
  if (!account?.password) return false;
  const { password: hashing } = await getAuth().$context;
  return hashing.verify({ hash: account.password, password });
}
