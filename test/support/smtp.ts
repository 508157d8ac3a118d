import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server in the test's process: the app sends to it through SMTP_URL as it would to
// any mail server, and the test reads what arrived, parsed as a mail client would (quoted-printable
// lines joined, headers decoded), never the raw text.

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Every link of the text part */
  links: string[];
}

export interface TestMailServer {
  url: string;
  received: ReceivedMail[];
  /** The first mail to `to` whose subject matches, once it has arrived (polls up to `timeoutMs`). */
  mailTo(to: string, subject: RegExp, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function toReceived(parsed: ParsedMail): ReceivedMail {
  const addresses = [parsed.to].flat().flatMap((to) => to?.value.map((address) => address.address?.toLowerCase() ?? "") ?? []);
  const text = parsed.text ?? "";
  return { to: addresses, subject: parsed.subject ?? "", text, html: typeof parsed.html === "string" ? parsed.html : "", links: text.match(/https?:\/\/\S+/g) ?? [] };
}

/** Listens on `port` (any free one by default); `onMail` hears of each mail as it arrives. */
export async function startMailServer({ port = 0, onMail }: { port?: number; onMail?: (mail: ReceivedMail) => void } = {}): Promise<TestMailServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const mail = toReceived(parsed);
          received.push(mail);
          onMail?.(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`,
    received,
    async mailTo(to, subject, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = received.find((candidate) => candidate.to.includes(to.toLowerCase()) && subject.test(candidate.subject));
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${subject} within ${timeoutMs} ms; received: ${received.map((m) => `${m.to} "${m.subject}"`).join(", ") || "none"}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
