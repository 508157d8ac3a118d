import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Mail } from "./messages";

// Development and tests without SMTP_URL: mails are kept as files (MAIL_OUTBOX_DIR, beside the
// embedded database by default) and listed by /dev/outbox, so every flow that needs mail works
// with zero setup. Never used in production (lib/env.ts). Only the newest OUTBOX_KEPT are kept.
//
// Every path below is marked `turbopackIgnore`: the folder is only known at run time, and the
// build's file tracing otherwise reads `path.join(dir, `${time}-${random}.json`)` as "any
// <something>-<something>.json in the project" and ships package-lock.json (0.5 MB) in every
// server function that can send mail (all API routes and most pages).

export const OUTBOX_KEPT = 50;

export interface OutboxMail extends Mail {
  id: string;
  from: string;
  sentAt: string;
}

export async function keepInOutbox(dir: string, mail: Mail, from: string): Promise<void> {
  await fs.mkdir(/* turbopackIgnore: true */ dir, { recursive: true });
  const sentAt = new Date().toISOString();
  // Named by time, so that names sort as the mails were sent.
  const id = `${sentAt.replace(/[:.]/g, "-")}-${crypto.randomBytes(4).toString("hex")}`;
  const kept: OutboxMail = { id, from, sentAt, ...mail };
  await fs.writeFile(/* turbopackIgnore: true */ path.join(/* turbopackIgnore: true */ dir, `${id}.json`), JSON.stringify(kept, null, 2));
  const names = (await fs.readdir(/* turbopackIgnore: true */ dir)).filter((name) => name.endsWith(".json")).sort();
  await Promise.all(names.slice(0, -OUTBOX_KEPT).map((name) => fs.rm(/* turbopackIgnore: true */ path.join(/* turbopackIgnore: true */ dir, name), { force: true })));
}

/** The kept mails, newest first. */
export async function readOutbox(dir: string): Promise<OutboxMail[]> {
  const names = await fs.readdir(/* turbopackIgnore: true */ dir).catch(() => [] as string[]);
  const files = names.filter((name) => name.endsWith(".json")).sort().reverse();
  // A file deleted meanwhile (only the newest are kept) is skipped.
  const mails = await Promise.all(files.map((name) => fs.readFile(/* turbopackIgnore: true */ path.join(/* turbopackIgnore: true */ dir, name), "utf8").then((text) => JSON.parse(text) as OutboxMail, () => null)));
  return mails.filter((mail) => mail !== null);
}
