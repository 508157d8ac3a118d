import { browserSupportsWebAuthn, startAuthentication, startRegistration, WebAuthnError } from "@simplewebauthn/browser";

// The two WebAuthn ceremonies in the browser (they need navigator.credentials, so no server action
// can run them): the options come from Better Auth's passkey plugin, the browser asks the device,
// the plugin checks the answer. The challenge travels in a cookie of the plugin between the two
// requests. Each function answers null on success, else a sentence to show.

const AUTH = "/api/auth/passkey";

const UNSUPPORTED = "This browser cannot use passkeys.";
const FAILED = "Something went wrong with the passkey. Try again.";

async function getJson(path: string): Promise<unknown> {
  const response = await fetch(`${AUTH}${path}`, { credentials: "same-origin", cache: "no-store" });
  if (!response.ok) throw response;
  return response.json();
}

async function postJson(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${AUTH}${path}`, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw response;
}

/** What went wrong, in a sentence: the browser's refusal, or the server's answer. */
async function problemOf(error: unknown, ceremony: "add" | "sign-in"): Promise<string> {
  if (error instanceof WebAuthnError || (error instanceof Error && error.name === "NotAllowedError")) {
    const code = error instanceof WebAuthnError ? error.code : undefined;
    if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") return "This device already has a passkey for your account.";
    // Cancelled, timed out, or (signing in) no passkey for this site on the device: browsers do not say which.
    return ceremony === "add" ? "No passkey was added: the request was cancelled or timed out." : "No passkey was used: the request was cancelled, or this device has no passkey for Tasks.";
  }
  if (error instanceof Response) {
    if (error.status === 429) return "Too many attempts: wait a minute and try again.";
    const body = (await error.json().catch(() => ({}))) as { code?: string };
    if (body.code === "PASSKEY_NOT_FOUND") return "That passkey is not registered for any account here. Sign in with your password.";
    if (body.code === "PASSWORD_NEEDED") return "Confirm your password to add a passkey (it works for 5 minutes).";
    if (body.code === "SESSION_NOT_FRESH") return "Adding a passkey needs a recent sign-in: sign out, sign in again, then add it.";
    if (body.code === "USER_NOT_VERIFIED") return "Your device did not check that it is you (PIN, fingerprint or face). Try again.";
    if (error.status === 401 && ceremony === "add") return "Your session has ended or is too old: sign in again to add a passkey.";
    if (error.status === 401 || error.status === 400) return ceremony === "add" ? "The passkey could not be checked. Try again." : "The passkey could not be checked. Try again, or sign in with your password.";
  }
  return FAILED;
}

/** Creates a passkey on this device for the signed-in user, named `name` (optional). */
export async function addPasskey(name: string): Promise<string | null> {
  if (!browserSupportsWebAuthn()) return UNSUPPORTED;
  try {
    const options = (await getJson("/generate-register-options")) as Parameters<typeof startRegistration>[0]["optionsJSON"];
    const response = await startRegistration({ optionsJSON: options });
    await postJson("/verify-registration", { response, ...(name.trim() && { name: name.trim() }) });
    return null;
  } catch (error) {
    return problemOf(error, "add");
  }
}

/** Signs in with a passkey the device offers (no email needed): the session cookie is set on success. */
export async function signInWithPasskey(): Promise<string | null> {
  if (!browserSupportsWebAuthn()) return UNSUPPORTED;
  try {
    const options = (await getJson("/generate-authenticate-options")) as Parameters<typeof startAuthentication>[0]["optionsJSON"];
    const response = await startAuthentication({ optionsJSON: options });
    await postJson("/verify-authentication", { response });
    return null;
  } catch (error) {
    return problemOf(error, "sign-in");
  }
}
