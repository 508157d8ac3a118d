// The mails the app sends, each as plain text and HTML from one description: a greeting, a few
// paragraphs and at most one button. Plain text first: it is what many people read, and what
// the development outbox shows.

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

interface Content {
  to: string;
  subject: string;
  /** Whom to greet; none in a mail to an address not yet confirmed, where anyone may have typed a name */
  name?: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Said after the button: what to do if this mail was not expected */
  closing: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function compose({ to, subject, name, paragraphs, action, closing }: Content): Mail {
  const greeting = name ? `Hello ${name},` : "Hello,";
  const text = [greeting, ...paragraphs, ...(action ? [`${action.label}: ${action.url}`] : []), closing, "— Tasks"].join("\n\n");
  const paragraph = (content: string) => `<p style="margin:0 0 16px">${escapeHtml(content)}</p>`;
  const button = action
    ? `<p style="margin:0 0 16px"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;background:#2563eb;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>` +
      paragraph(`Or open this link: ${action.url}`)
    : "";
  const html =
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#111">` +
    [greeting, ...paragraphs].map(paragraph).join("") +
    button +
    paragraph(closing) +
    paragraph("— Tasks") +
    `</body></html>`;
  return { to, subject, text, html };
}

/** "1 hour", "24 hours", "30 minutes": how long a link works. */
export const lifetime = (seconds: number) => (seconds % 3600 === 0 && seconds >= 3600 ? `${seconds / 3600} ${seconds === 3600 ? "hour" : "hours"}` : `${Math.ceil(seconds / 60)} minutes`);

export function verifyEmailMail(user: { email: string }, url: string, lifetimeSeconds: number): Mail {
  return compose({
    to: user.email,
    subject: "Confirm your email address for Tasks",
    paragraphs: [`Confirm that ${user.email} is your address, so that you can reset your password if you ever forget it.`, `The link works for ${lifetime(lifetimeSeconds)}.`],
    action: { label: "Confirm my email address", url },
    closing: "If you did not create an account on Tasks, ignore this mail: nothing happens without the link.",
  });
}

export function resetPasswordMail(user: { name: string; email: string }, url: string, lifetimeSeconds: number): Mail {
  return compose({
    to: user.email,
    subject: "Reset your Tasks password",
    name: user.name,
    paragraphs: [
      "Someone, probably you, asked to reset the password of your Tasks account.",
      `The link works once, for ${lifetime(lifetimeSeconds)}. Resetting signs out every device signed in to your account.`,
    ],
    action: { label: "Choose a new password", url },
    closing: "If you did not ask for this, ignore this mail: your password stays as it is.",
  });
}

/** To the new address: the change takes effect when its link is opened. */
export function confirmNewEmailMail(newEmail: string, url: string, lifetimeSeconds: number): Mail {
  return compose({
    to: newEmail,
    subject: "Confirm your new email address for Tasks",
    paragraphs: [`A Tasks account asked to use ${newEmail} from now on. It changes when you open this link, which works for ${lifetime(lifetimeSeconds)}.`],
    action: { label: "Use this email address", url },
    closing: "If you did not ask for this, ignore this mail: the account keeps its address.",
  });
}

/** To the old address: a change was asked for, so that a stolen session cannot take the account quietly. */
export function emailChangeRequestedMail(user: { name: string; email: string }, newEmail: string, settingsUrl: string): Mail {
  return compose({
    to: user.email,
    subject: "Your Tasks email address is about to change",
    name: user.name,
    paragraphs: [`Someone signed in to your Tasks account asked to change its email address to ${newEmail}. It changes once that address confirms it.`],
    action: { label: "Review your account", url: settingsUrl },
    closing: "If this was not you, change your password now: that signs out every other device.",
  });
}

export function accessTokenCreatedMail(user: { name: string; email: string }, tokenName: string, settingsUrl: string): Mail {
  return compose({
    to: user.email,
    subject: "An access token was made for your Tasks account",
    name: user.name,
    paragraphs: [`An access token (${tokenName}) was made for your Tasks account. A program that has it can use your tasks as far as its scopes allow.`],
    action: { label: "Review your access tokens", url: settingsUrl },
    closing: "If this was not you, revoke that token in Settings and change your password now.",
  });
}

export function passkeyAddedMail(user: { name: string; email: string }, passkeyName: string, settingsUrl: string): Mail {
  return compose({
    to: user.email,
    subject: "A passkey was added to your Tasks account",
    name: user.name,
    paragraphs: [`A passkey (${passkeyName}) was added to your Tasks account. It signs in without your password.`],
    action: { label: "Review your passkeys", url: settingsUrl },
    closing: "If this was not you, delete that passkey in Settings and change your password now.",
  });
}
