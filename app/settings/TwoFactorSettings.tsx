"use client";

import { useFormAction } from "@/app/_components/useFormAction";
import type { TwoFactorFormState } from "@/lib/accounts/form-state";
import { PASSWORD_MAX } from "@/lib/accounts/limits";
import { confirmTwoFactorAction, newBackupCodesAction, startTwoFactorAction, turnOffTwoFactorAction } from "./actions";

type Action = (previous: TwoFactorFormState, form: FormData) => Promise<TwoFactorFormState>;

/** A password field and a button: each change to two-step sign-in is confirmed this way. */
function PasswordConfirmedForm({ action, id, title, hint, button, busy }: { action: Action; id: string; title: string; hint?: string; button: string; busy: string }) {
  const { state, formAction, formRef, pending, fieldProps, message } = useFormAction(action, `${id}-message`);
  return (
    <>
      <form ref={formRef} action={formAction} noValidate className="settings-form" aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`}>{title}</h3>
        {hint && <p className="hint">{hint}</p>}
        {message}
        <div className="field">
          <label htmlFor={`${id}-password`}>Password</label>
          <input {...fieldProps("password")} id={`${id}-password`} type="password" required maxLength={PASSWORD_MAX} autoComplete="current-password" />
        </div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? busy : button}
        </button>
      </form>
      {state.backupCodes && <BackupCodes codes={state.backupCodes} />}
    </>
  );
}

/** Backup codes, shown once: each signs in once when the phone is not at hand. */
function BackupCodes({ codes }: { codes: string[] }) {
  const text = `Tasks backup codes (each works once)\n\n${codes.join("\n")}\n`;
  return (
    <div>
      <p>
        <strong>Save these backup codes</strong> somewhere safe, like a password manager. Each one signs you in once if you lose your phone. They are
        shown only now.
      </p>
      <ol className="backup-codes" aria-label="Backup codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="button-row">
        <button className="button small" type="button" onClick={() => void navigator.clipboard.writeText(text)}>
          Copy codes
        </button>
        <a className="button small" href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="tasks-backup-codes.txt">
          Download codes
        </a>
      </div>
    </div>
  );
}

/**
 * The set-up's last step. Its own action: React posts an action's previous state back with the
 * form, and the set-up's (a QR code) is too large to send for nothing.
 */
function ConfirmCode() {
  const { formAction, formRef, pending, fieldProps, message } = useFormAction(confirmTwoFactorAction, "two-factor-code-message");
  return (
    <form ref={formRef} action={formAction} noValidate className="settings-form">
      <p>
        <strong>3.</strong> Enter the 6-digit code the app now shows for Tasks.
      </p>
      {message}
      <div className="field">
        <label htmlFor="two-factor-code">Code from the app</label>
        <input {...fieldProps("code")} id="two-factor-code" inputMode="numeric" autoComplete="one-time-code" required maxLength={10} />
      </div>
      <button className="button primary" type="submit" disabled={pending}>
        {pending ? "Checking…" : "Turn on two-step sign-in"}
      </button>
    </form>
  );
}

/** Turning two-step sign-in on: the password, then the app's secret (QR code or key) and the backup codes, then a first code from the app. */
function SetUp() {
  const { state, formAction, formRef, pending, fieldProps, message } = useFormAction(startTwoFactorAction, "two-factor-message");
  if (!state.setup) {
    return (
      <form ref={formRef} action={formAction} noValidate className="settings-form">
        <p>Signing in will also ask for a code from an authenticator app on your phone (such as 1Password, Google Authenticator or Aegis).</p>
        {message}
        <div className="field">
          <label htmlFor="two-factor-password">Password</label>
          <input {...fieldProps("password")} id="two-factor-password" type="password" required maxLength={PASSWORD_MAX} autoComplete="current-password" />
        </div>
        <button className="button primary" type="submit" disabled={pending}>
          {pending ? "Starting…" : "Set up two-step sign-in"}
        </button>
      </form>
    );
  }
  const { qrSvg, key, backupCodes } = state.setup;
  return (
    <div className="two-factor-steps">
      <div>
        <p>
          <strong>1.</strong> Scan this code with your authenticator app.
        </p>
        {/* The SVG is made on the server from our own secret's URI (uqr), not from anything typed. */}
        <div className="qr-code" role="img" aria-label="QR code of the secret for your authenticator app" dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <p className="hint">
          Can&apos;t scan it? Enter this key in the app instead: <span className="secret-key">{key}</span>
        </p>
      </div>
      <div>
        <strong>2.</strong> <BackupCodes codes={backupCodes} />
      </div>
      <ConfirmCode />
    </div>
  );
}

/** The settings page's section: set-up when off; new backup codes and turning off when on. */
export function TwoFactorSettings({ enabled, backupCodesLeft }: { enabled: boolean; backupCodesLeft: number }) {
  if (!enabled) return <SetUp />;
  return (
    <>
      <p>
        <span className="badge">On</span> Signing in asks for a code from your authenticator app.{" "}
        {backupCodesLeft === 1 ? "1 backup code left." : `${backupCodesLeft} backup codes left.`}
      </p>
      <PasswordConfirmedForm action={newBackupCodesAction} id="backup-codes" title="New backup codes" hint="The codes you have now stop working." button="Make new backup codes" busy="Making…" />
      <PasswordConfirmedForm action={turnOffTwoFactorAction} id="two-factor-off" title="Turn off" button="Turn off two-step sign-in" busy="Turning off…" />
    </>
  );
}
