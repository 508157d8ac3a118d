import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { AppHeader } from "@/app/tasks/_components/AppHeader";
import { Temporal } from "temporal-polyfill";
import { listPasskeysForUser } from "@/lib/accounts/passkeys";
import { listSessionsForUser, SESSIONS_LISTED_MAX, type SessionSummary } from "@/lib/accounts/sessions";
import { toTheme } from "@/lib/accounts/theme";
import { backupCodesLeft } from "@/lib/accounts/two-factor";
import { sessionActor } from "@/lib/actor";
import { previewRevertForUser, recentActorsForUser } from "@/lib/changes/revert";
import { actorNameSchema } from "@/lib/changes/schemas";
import { describeDay, localDay, pageTimeZone, TIME_ZONE_COOKIE, validTimeZone } from "@/lib/client/relative-date";
import { formatCount } from "@/lib/format-count";
import { deletePasskeyAction, endOtherSessionsAction, endSessionAction } from "./actions";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { ConfirmEmailNotice } from "../_components/ConfirmEmailNotice";
import { DeleteAccountForm } from "./DeleteAccountForm";
import { EmailForm } from "./EmailForm";
import { ExportData } from "./ExportData";
import { ImportData } from "./ImportData";
import { NameForm } from "./NameForm";
import { NotificationSettings } from "./NotificationSettings";
import { getEnv } from "@/lib/env";
import { AddPasskey } from "./PasskeySettings";
import { AccessTokens, type TokenRow } from "./AccessTokens";
import { CalendarFeeds, type FeedRow } from "./CalendarFeeds";
import { listCalendarFeedsForUser, type CalendarFeed } from "@/lib/calendar-feeds/service";
import { listLabelsForUser } from "@/lib/labels/service";
import { listListsForUser } from "@/lib/lists/service";
import { listTokensForUser, type AccessToken } from "@/lib/tokens/service";
import { ThemeForm } from "./ThemeForm";
import { TimeZoneForm } from "./TimeZoneForm";
import { TwoFactorSettings } from "./TwoFactorSettings";
import { RevertSection, sinceInstant, type RevertRequest } from "./RevertSection";
import { settingsSession } from "./session";

export const metadata: Metadata = { title: "Settings" };

/** The zones a user can pick: every IANA name this runtime knows, UTC among them. */
const TIME_ZONES = [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])];

/** "Signed out 2 other devices." after ending sessions (the actions redirect with ?ended=N). */
function endedNotice(ended: string | string[] | undefined): string | undefined {
  const count = typeof ended === "string" && /^\d{1,6}$/.test(ended) ? Number(ended) : undefined;
  if (count === undefined) return undefined;
  if (count === 0) return "No other device was signed in.";
  return `Signed out ${formatCount(count)} other ${count === 1 ? "device" : "devices"}.`;
}

const TWO_FACTOR_NOTICES: Record<string, string> = {
  on: "Two-step sign-in is on. Keep your backup codes safe.",
  off: "Two-step sign-in is off: signing in asks for your password only.",
};

/** "Undid 12 changes." after a revert (the action redirects with ?reverted=N&skipped=M). */
function revertedNotice(reverted: string | string[] | undefined, skipped: string | string[] | undefined): string | undefined {
  const count = (value: typeof reverted) => (typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : undefined);
  const [done, left] = [count(reverted), count(skipped) ?? 0];
  if (done === undefined) return undefined;
  const undid = `Undid ${formatCount(done)} ${done === 1 ? "change" : "changes"}.`;
  return left === 0 ? undid : `${undid} ${formatCount(left)} left as they were: changed since by someone else, or gone for good.`;
}

/** The revert the query asks to preview: a valid actor and time, or null. */
function revertRequest(query: Record<string, string | string[] | undefined>, timeZone: string): RevertRequest | null {
  const actor = actorNameSchema.safeParse(query.revert);
  const since = sinceInstant(query.since, timeZone);
  return actor.success && since ? { actor: actor.data, since, sinceText: String(query.since) } : null;
}

// Everything here is read on the server from the request's session; the forms post to server
// actions (./actions.ts), so the page works without JavaScript.
export default async function SettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [signedIn, cookieStore, query] = await Promise.all([settingsSession(), cookies(), searchParams]);
  const sessions = await listSessionsForUser(signedIn.user.id, signedIn.session.id);
  const deviceZone = validTimeZone(cookieStore.get(TIME_ZONE_COOKIE)?.value);
  const { timeZone } = pageTimeZone(signedIn.user.timeZone, deviceZone);
  const now = new Date();
  const day = (date: Date) => describeDay(localDay(date, timeZone), now, timeZone);
  const others = sessions.filter((session) => !session.current);
  const notice = endedNotice(query.ended);
  const twoFactorEnabled = signedIn.user.twoFactorEnabled === true;
  const twoFactorNotice = typeof query.twoFactor === "string" ? TWO_FACTOR_NOTICES[query.twoFactor] : undefined;
  const request = revertRequest(query, timeZone);
  const [actors, preview, codesLeft, passkeys, tokens, lists, feeds, labels] = await Promise.all([
    recentActorsForUser(signedIn.user.id),
    request ? previewRevertForUser(sessionActor(signedIn.user.id, signedIn.session.id), request.actor, request.since) : null,
    twoFactorEnabled ? backupCodesLeft(signedIn.user.id) : 0,
    listPasskeysForUser(signedIn.user.id),
    listTokensForUser(signedIn.user.id),
    listListsForUser(signedIn.user.id),
    listCalendarFeedsForUser(signedIn.user.id),
    listLabelsForUser(signedIn.user.id),
  ]);
  const listName = new Map(lists.map((list) => [list.id, list.name]));
  // A day ago, to the minute, as the time picker shows it in the user's zone.
  const defaultSince = Temporal.Now.zonedDateTimeISO(timeZone).subtract({ hours: 24 }).toPlainDateTime().toString({ smallestUnit: "minute" });

  const tokenRow = (token: AccessToken): TokenRow => {
    const expired = token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime();
    const expiry = token.expiresAt === null ? "never expires" : `${expired ? "expired" : "expires"} ${day(new Date(token.expiresAt)).toLowerCase()}`;
    const used = token.lastUsedAt ? `last used ${day(new Date(token.lastUsedAt)).toLowerCase()}` : "never used";
    const within = token.listIds.length === 0 ? "" : ` · only ${token.listIds.map((id) => listName.get(id) ?? "a deleted list").join(", ")}`;
    return { id: token.id, name: token.name, shown: token.shown, scopes: token.scopes, expired, facts: `Created ${day(new Date(token.createdAt)).toLowerCase()} · ${used} · ${expiry}${within}` };
  };
  const labelName = new Map(labels.map((label) => [label.id, label.name]));
  const feedRow = (feed: CalendarFeed): FeedRow => {
    const used = feed.lastUsedAt ? `last read ${day(new Date(feed.lastUsedAt)).toLowerCase()}` : "never read";
    const within = feed.listId ? ` · only the list ${listName.get(feed.listId)}` : feed.labelId ? ` · only the label ${labelName.get(feed.labelId)}` : " · every task with a due date";
    return { id: feed.id, name: feed.name, facts: `Created ${day(new Date(feed.createdAt)).toLowerCase()} · ${used}${within}` };
  };
  const deviceLabel = (session: SessionSummary) => `${session.device}, signed in ${day(session.signedInAt)}`;
  return (
    <>
      <AppHeader user={{ name: signedIn.user.name, email: signedIn.user.email, theme: signedIn.user.theme }} current="settings" />
      <main id="main" className="page settings">
        <h1>Settings</h1>

        <section className="card" aria-labelledby="profile-heading">
          <h2 id="profile-heading">Profile</h2>
          <NameForm name={signedIn.user.name} />
        </section>

        <section className="card" aria-labelledby="appearance-heading">
          <h2 id="appearance-heading">Appearance</h2>
          <ThemeForm theme={toTheme(signedIn.user.theme)} />
        </section>

        <section className="card" aria-labelledby="notifications-heading">
          <h2 id="notifications-heading">Notifications</h2>
          <NotificationSettings publicKey={getEnv().push?.publicKey ?? null} />
        </section>

        <section className="card" aria-labelledby="time-zone-heading">
          <h2 id="time-zone-heading">Time zone</h2>
          <TimeZoneForm chosen={signedIn.user.timeZone ?? null} deviceZone={deviceZone} zones={TIME_ZONES} />
        </section>

        <section className="card" aria-labelledby="email-heading">
          <h2 id="email-heading">Email address</h2>
          <p>
            <strong>{signedIn.user.email}</strong> {signedIn.user.emailVerified ? <span className="badge">Confirmed</span> : <span className="badge warning">Not confirmed</span>}
          </p>
          {!signedIn.user.emailVerified && <ConfirmEmailNotice email={signedIn.user.email} id="settings-confirm" />}
          <EmailForm />
        </section>

        <section className="card" aria-labelledby="password-heading">
          <h2 id="password-heading">Password</h2>
          <ChangePasswordForm />
        </section>

        <section className="card" aria-labelledby="two-factor-heading">
          <h2 id="two-factor-heading">Two-step sign-in</h2>
          {twoFactorNotice && Object.hasOwn(TWO_FACTOR_NOTICES, String(query.twoFactor)) && (
            <p className="notice" role="status">
              {twoFactorNotice}
            </p>
          )}
          <TwoFactorSettings enabled={twoFactorEnabled} backupCodesLeft={codesLeft} />
        </section>

        <section className="card" aria-labelledby="passkeys-heading">
          <h2 id="passkeys-heading">Passkeys</h2>
          <p>A passkey signs you in without your password or a code: your device checks it is you.</p>
          {query.passkey === "deleted" && (
            <p className="notice" role="status">
              Passkey deleted. Remove it from your device too (its password manager or settings).
            </p>
          )}
          {passkeys.length === 0 ? (
            <p className="hint">No passkeys yet.</p>
          ) : (
            <ul className="sessions" aria-label="Your passkeys">
              {passkeys.map((passkey) => (
                <li key={passkey.id} className="session">
                  <div>
                    <strong>{passkey.name}</strong>
                    {passkey.createdAt && <p className="hint">Added {day(passkey.createdAt)}</p>}
                  </div>
                  <form action={deletePasskeyAction}>
                    <input type="hidden" name="passkeyId" value={passkey.id} />
                    <button className="button small" type="submit" aria-label={`Delete passkey ${passkey.name}`}>
                      Delete
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <AddPasskey />
        </section>

        <section className="card" aria-labelledby="devices-heading">
          <h2 id="devices-heading">Signed-in devices</h2>
          {notice && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
          <ul className="sessions" aria-labelledby="devices-heading">
            {sessions.map((session) => (
              <li key={session.id} className="session">
                <div>
                  <strong>{session.device}</strong>
                  {session.current && <span className="badge">This device</span>}
                  <p className="hint">
                    Signed in {day(session.signedInAt)} · last active {day(session.lastActiveAt)}
                  </p>
                </div>
                {!session.current && (
                  <form action={endSessionAction}>
                    <input type="hidden" name="sessionId" value={session.id} />
                    <button className="button small" type="submit" aria-label={`Sign out ${deviceLabel(session)}`}>
                      Sign out
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          {sessions.length === SESSIONS_LISTED_MAX && <p className="hint">The {SESSIONS_LISTED_MAX} most recently active are listed; Sign out every other device ends them all.</p>}
          {others.length > 1 && (
            <form action={endOtherSessionsAction}>
              <button className="button" type="submit">
                Sign out every other device
              </button>
            </form>
          )}
        </section>

        <section className="card" aria-labelledby="tokens-heading">
          <h2 id="tokens-heading">Access tokens</h2>
          <p>
            Let a script, a shortcut or an AI assistant use your tasks through the <a href="/docs/api">API</a>, with only the scopes you choose. Revoke a token and
            it stops working within a minute; what it changed can be undone below.
          </p>
          <AccessTokens tokens={tokens.map(tokenRow)} lists={lists.filter((list) => !list.archived).map(({ id, name }) => ({ id, name }))} />
        </section>

        <section className="card" aria-labelledby="feeds-heading">
          <h2 id="feeds-heading">Calendar feeds</h2>
          <p>
            See your tasks with a due date in Google Calendar, Apple Calendar or Outlook: each feed is a private address that a calendar app subscribes to. Anyone who has the
            address can read those tasks, so rotate or revoke a feed you no longer trust.
          </p>
          <CalendarFeeds
            feeds={feeds.map(feedRow)}
            lists={lists.filter((list) => !list.archived).map(({ id, name }) => ({ id, name }))}
            labels={labels.map(({ id, name }) => ({ id, name }))}
          />
        </section>

        <RevertSection
          actors={actors}
          sessions={sessions}
          tokens={tokens}
          request={request}
          preview={preview}
          notice={revertedNotice(query.reverted, query.skipped)}
          describeTime={(date) => `${day(date)} ${date.toLocaleTimeString("en", { timeZone, hour: "numeric", minute: "2-digit" })}`}
          defaultSince={defaultSince}
        />

        <section className="card" aria-labelledby="export-heading">
          <h2 id="export-heading">Your data</h2>
          <ExportData />
          <p className="hint">
            Programs can read and change your tasks too, through the API: see the <Link href="/docs/api">API reference</Link>.
          </p>
        </section>

        <section className="card" aria-labelledby="import-heading">
          <h2 id="import-heading">Import</h2>
          <ImportData />
        </section>

        <section className="card" aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete account</h2>
          <DeleteAccountForm />
        </section>
      </main>
    </>
  );
}
