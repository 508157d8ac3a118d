import type { AccessToken } from "@/lib/tokens/service";
import type { Scope } from "@/lib/tokens/scopes";
import { send } from "./tasks-api";

// The settings page's calls to the token API (app/api/tokens), with the page's session token.

export const createAccessToken = (fields: { name: string; scopes: Scope[]; expiresInDays: number | null; password: string; listIds: string[] }) =>
  send<{ token: AccessToken; secret: string }>("/api/tokens", { method: "POST", body: JSON.stringify(fields) });

export const revokeAccessToken = (id: string) => send<void>(`/api/tokens/${id}`, { method: "DELETE" });
