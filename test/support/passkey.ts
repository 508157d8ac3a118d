import crypto from "node:crypto";
import { expect } from "vitest";
import { confirmPasswordForPasskey } from "@/lib/accounts/passkey-add";
import { APP_URL, callAuth, cookiesOf, PASSWORD } from "./http";

// What a browser and a passkey authenticator do in the two WebAuthn ceremonies, written here from
// the WebAuthn spec (ES256 key, "none" attestation, a minimal CBOR encoder) rather than taken from
// the plugin's own library, so that the tests check Better Auth's passkey plugin against an
// independent client. Better Auth's challenge travels in a cookie between options and verify.

type Cbor = number | string | Uint8Array | Map<number | string, Cbor>;

function cborHead(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
  const head = Buffer.alloc(3);
  head[0] = (major << 5) | 25;
  head.writeUInt16BE(length, 1);
  return head;
}

function cbor(value: Cbor): Buffer {
  if (typeof value === "number") return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  if (typeof value === "string") return Buffer.concat([cborHead(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (value instanceof Uint8Array) return Buffer.concat([cborHead(2, value.length), value]);
  return Buffer.concat([cborHead(5, value.size), ...[...value].flatMap(([key, item]) => [cbor(key), cbor(item)])]);
}

const sha256 = (data: Buffer | string) => crypto.createHash("sha256").update(data).digest();
const b64url = (data: Buffer) => data.toString("base64url");

const UP = 0x01; // user present (a touch)
const UV = 0x04; // user verified (PIN or biometric)
const AT = 0x40; // attested credential data follows

export interface SoftPasskey {
  credentialId: Buffer;
  privateKey: crypto.KeyObject;
  publicKey: crypto.KeyObject;
  userHandle?: string;
  counter: number;
}

export function newSoftPasskey(): SoftPasskey {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { credentialId: crypto.randomBytes(32), privateKey, publicKey, counter: 0 };
}

function authenticatorData(rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter);
  return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
}

/** The session cookie and the JSON of a response, or throws with its body. */
async function json(response: Response): Promise<Record<string, unknown>> {
  if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * What the settings page does before a passkey is added: the password, checked on the server,
 * lets the cookie's session add one (lib/accounts/passkey-add.ts). Answers the form's outcome.
 */
export async function confirmPasswordFor(cookie: string, password = PASSWORD) {
  const { session } = (await (await callAuth("/get-session", { cookie })).json()) as { session: { id: string; userId: string } };
  const form = new FormData();
  form.set("password", password);
  return confirmPasswordForPasskey(form, session);
}

/** Registers `key` for the cookie's user (its password confirmed first); answers the verify step's response. `verified: false` leaves out the PIN check. */
export async function registerPasskey(cookie: string, key: SoftPasskey, { name = "Test key", verified = true } = {}): Promise<Response> {
  expect(await confirmPasswordFor(cookie)).toEqual({ done: "ok" });
  const optionsResponse = await callAuth("/passkey/generate-register-options", { cookie });
  const options = (await json(optionsResponse)) as { challenge: string; rp: { id: string }; user: { id: string } };
  key.userHandle = options.user.id;
  const clientData = Buffer.from(JSON.stringify({ type: "webauthn.create", challenge: options.challenge, origin: APP_URL, crossOrigin: false }));
  const { x, y } = key.publicKey.export({ format: "jwk" });
  const cose = cbor(
    new Map<number, Cbor>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(x!, "base64url")],
      [-3, Buffer.from(y!, "base64url")],
    ]),
  );
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(key.credentialId.length);
  const attested = Buffer.concat([Buffer.alloc(16), idLength, key.credentialId, cose]); // all-zero AAGUID
  const authData = authenticatorData(options.rp.id, UP | AT | (verified ? UV : 0), key.counter, attested);
  const attestationObject = cbor(
    new Map<string, Cbor>([
      ["fmt", "none"],
      ["attStmt", new Map()],
      ["authData", authData],
    ]),
  );
  const id = b64url(key.credentialId);
  return callAuth("/passkey/verify-registration", {
    cookie: `${cookie}; ${cookiesOf(optionsResponse)}`,
    body: {
      name,
      response: {
        id,
        rawId: id,
        type: "public-key",
        authenticatorAttachment: "platform",
        response: { clientDataJSON: b64url(clientData), attestationObject: b64url(attestationObject), transports: ["internal"] },
        clientExtensionResults: {},
      },
    },
  });
}

/** Signs in with `key` as the sign-in page does (no session, no email): answers the verify step's response. */
export async function signInWithPasskey(key: SoftPasskey, { verified = true, cookie = "" } = {}): Promise<Response> {
  const optionsResponse = await callAuth("/passkey/generate-authenticate-options", { cookie });
  const options = (await json(optionsResponse)) as { challenge: string; rpId: string };
  const clientData = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge: options.challenge, origin: APP_URL, crossOrigin: false }));
  const authData = authenticatorData(options.rpId, UP | (verified ? UV : 0), ++key.counter);
  const signature = crypto.sign("sha256", Buffer.concat([authData, sha256(clientData)]), key.privateKey); // DER, as WebAuthn's ES256
  const id = b64url(key.credentialId);
  return callAuth("/passkey/verify-authentication", {
    cookie: [cookie, cookiesOf(optionsResponse)].filter(Boolean).join("; "),
    body: {
      response: {
        id,
        rawId: id,
        type: "public-key",
        authenticatorAttachment: "platform",
        response: { clientDataJSON: b64url(clientData), authenticatorData: b64url(authData), signature: b64url(signature), userHandle: key.userHandle },
        clientExtensionResults: {},
      },
    },
  });
}
