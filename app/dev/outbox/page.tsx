import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { getEnv } from "@/lib/env";
import { OUTBOX_KEPT, readOutbox } from "@/lib/mail/outbox";
import { SiteHeader } from "../../_components/SiteHeader";

export const metadata: Metadata = { title: "Outbox (development)" };
export const dynamic = "force-dynamic";

const LINK = /(https?:\/\/[^\s]+)/;

/** A mail's text with its links clickable. */
function TextWithLinks({ text }: { text: string }) {
  return text.split(LINK).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}

// The mails of development without SMTP_URL (lib/mail/outbox.ts), so that confirming an address
// or resetting a password works with nothing configured. Absent wherever mail really goes out.
export default async function OutboxPage() {
  const settings = getEnv().mail;
  // Both: the first is fixed when a production build is made, whatever the server's settings.
  if (process.env.NODE_ENV === "production" || settings.via !== "outbox") notFound();
  const mails = await readOutbox(settings.dir);
  return (
    <>
      <SiteHeader />
      <main id="main" className="page">
        <h1>Outbox</h1>
        <p className="hint">
          Development only: with no SMTP_URL set, the mails the app sends are kept here instead (the newest {OUTBOX_KEPT}). Reload to see new ones.
        </p>
        {mails.length === 0 && <p>No mail yet. Sign up, or ask for a password reset, and it appears here.</p>}
        {mails.map((mail) => (
          <article key={mail.id} className="card outbox-mail" aria-labelledby={`mail-${mail.id}`}>
            <h2 id={`mail-${mail.id}`}>{mail.subject}</h2>
            <p className="hint">
              To {mail.to} · {new Date(mail.sentAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC
            </p>
            <pre className="outbox-text">
              <TextWithLinks text={mail.text} />
            </pre>
          </article>
        ))}
      </main>
    </>
  );
}
