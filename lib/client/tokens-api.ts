import { api, type RequestBody } from "./api-client";

// The settings page's calls to the token API (app/api/tokens), with the page's session token.

export const createAccessToken = (fields: RequestBody<"post", "/api/tokens">) => api("post", "/api/tokens", { body: fields });

export const revokeAccessToken = (id: string) => api("delete", "/api/tokens/{id}", { path: { id } });
