import { getAuthenticatorName } from "@better-auth/passkey";
import { getPrisma } from "../db";

// A user's passkeys, for the settings page: listed and deleted, every statement scoped to the user
// the page's own session belongs to, so a passkey id from another account deletes nothing. They
// are added in the browser (lib/client/passkeys.ts): WebAuthn needs the browser's own API.

export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: Date | null;
}

/** The user's passkeys, oldest first; one without a name is called by its maker (when known) or "Passkey". */
export async function listPasskeysForUser(userId: string): Promise<PasskeySummary[]> {
  const rows = await getPrisma().passkey.findMany({ where: { userId }, select: { id: true, name: true, aaguid: true, createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((row) => ({ id: row.id, name: row.name || getAuthenticatorName(row.aaguid ?? undefined) || "Passkey", createdAt: row.createdAt }));
}

/** Deletes one of the user's passkeys; false when the user has no such passkey. */
export async function deletePasskeyForUser(userId: string, passkeyId: string): Promise<boolean> {
  const { count } = await getPrisma().passkey.deleteMany({ where: { id: passkeyId, userId } });
  return count > 0;
}
