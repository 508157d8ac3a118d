"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useScripted } from "@/app/_components/useScripted";
import { PASSWORD_MAX } from "@/lib/accounts/limits";
import { errorMessage } from "@/lib/client/error-messages";
import { createAccessToken, revokeAccessToken } from "@/lib/client/tokens-api";
import { TOKEN_LIFETIME_CHOICES, TOKEN_NAME_MAX } from "@/lib/tokens/constants";
import { SCOPES, TOKEN_SCOPES, type Scope } from "@/lib/tokens/scopes";
import { ShownOnce } from "./ShownOnce";

// "Access tokens": made and revoked through the token API with the page's session token (a
// token can never make another). The new secret is shown once, here; the list is the server's,
// read again after each change.

export interface TokenRow {
  id: string;
  name: string;
  shown: string;
  scopes: Scope[];
  /** "Created today · last used yesterday · expires in 30 days", worded by the server in the user's zone */
  facts: string;
  expired: boolean;
}

const lifetimeLabel = (days: number | null) => (days === null ? "Never (not recommended)" : `${days} days`);

export function AccessTokens({ tokens, lists }: { tokens: TokenRow[]; lists: { id: string; name: string }[] }) {
  const router = useRouter();
  const scripted = useScripted();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  async function create(form: HTMLFormElement) {
    const fields = new FormData(form);
    const scopes = SCOPES.filter((scope) => fields.getAll("scope").includes(scope));
    const lifetime = String(fields.get("expiresInDays"));
    setPending(true);
    setProblem(null);
    setCreated(null);
    try {
      const { token, secret } = await createAccessToken({
        name: String(fields.get("name") ?? ""),
        scopes,
        expiresInDays: lifetime === "never" ? null : Number(lifetime),
        password: String(fields.get("password") ?? ""),
        listIds: fields.getAll("listId").map(String),
      });
      setCreated({ name: token.name, secret });
      form.reset();
      router.refresh();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setPending(false);
      messageRef.current?.focus();
    }
  }

  async function revoke(token: TokenRow) {
    setRevoking(token.id);
    setProblem(null);
    try {
      await revokeAccessToken(token.id);
      router.refresh();
    } catch (error) {
      setProblem(errorMessage(error));
      messageRef.current?.focus();
    } finally {
      setRevoking(null);
    }
  }

  return (
    <>
      <div ref={messageRef} role="alert" tabIndex={-1} className="form-message">
        {problem && <p className="alert">{problem}</p>}
      </div>
      {created && (
        <ShownOnce
          key={created.secret}
          title={`Copy the token “${created.name}” now:`}
          secret={created.secret}
          label={`The token ${created.name}`}
          hint="A program sends it to POST /api/tokens/exchange and uses the short-lived token that returns."
          onCopyFailed={() => setProblem("Could not copy: select the token and copy it yourself.")}
        />
      )}
      {tokens.length === 0 ? (
        <p className="hint">No access tokens yet.</p>
      ) : (
        <ul className="sessions" aria-label="Your access tokens">
          {tokens.map((token) => (
            <li key={token.id} className="session">
              <div>
                <strong>{token.name}</strong> <code>{token.shown}…</code>
                {token.expired && <span className="badge warning">Expired</span>}
                <p className="hint">{token.scopes.join(", ")}</p>
                <p className="hint">{token.facts}</p>
              </div>
              <button className="button small" type="button" disabled={!scripted || revoking !== null} aria-label={`Revoke token ${token.name}`} onClick={() => void revoke(token)}>
                {revoking === token.id ? "Revoking…" : "Revoke"}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="settings-form"
        aria-labelledby="new-token-heading"
        onSubmit={(event) => {
          event.preventDefault();
          void create(event.currentTarget);
        }}
      >
        <h3 id="new-token-heading">New access token</h3>
        <div className="field">
          <label htmlFor="token-name">Token name</label>
          <input id="token-name" name="name" required maxLength={TOKEN_NAME_MAX} placeholder="Shortcut on my phone" autoComplete="off" />
        </div>
        <fieldset className="scopes">
          <legend>What it may do</legend>
          {SCOPES.map((scope) => (
            <label key={scope} className="checkbox">
              <input type="checkbox" name="scope" value={scope} defaultChecked={scope === "tasks:read"} />
              <span>
                <code>{scope}</code> {TOKEN_SCOPES[scope]}
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="scopes" aria-describedby="token-lists-hint">
          <legend>Only these lists (optional)</legend>
          <p className="hint" id="token-lists-hint">
            Limited to some lists, a token reaches only their tasks, and may only read, add, change or delete tasks and read lists.
          </p>
          {lists.map((list) => (
            <label key={list.id} className="checkbox">
              <input type="checkbox" name="listId" value={list.id} />
              <span>{list.name}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="token-lifetime">Expires after</label>
          <select id="token-lifetime" name="expiresInDays" defaultValue="30">
            {TOKEN_LIFETIME_CHOICES.map((days) => (
              <option key={days ?? "never"} value={days ?? "never"}>
                {lifetimeLabel(days)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="token-password">Password</label>
          <input id="token-password" name="password" type="password" required maxLength={PASSWORD_MAX} autoComplete="current-password" aria-describedby="token-password-hint" />
          <p className="hint" id="token-password-hint">
            A token keeps working after you sign out, so making one needs your password; your address gets a mail saying so.
          </p>
        </div>
        <button className="button primary" type="submit" disabled={pending || !scripted}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
    </>
  );
}
