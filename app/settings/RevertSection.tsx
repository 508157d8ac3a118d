import { Temporal } from "temporal-polyfill";
import type { SessionSummary } from "@/lib/accounts/sessions";
import { REVERT_MAX } from "@/lib/changes/constants";
import { describeChange } from "@/lib/changes/describe";
import type { ActorActivity, RevertPreview } from "@/lib/changes/revert";
import { formatCount } from "@/lib/format-count";
import type { AccessToken } from "@/lib/tokens/service";
import { revertDeviceAction } from "./actions";

// "Undo a device's changes": pick a device (or token) that changed your data lately and a time,
// see what would be undone, then undo it. A GET form for the preview and a server action for
// the revert, so it works without JavaScript.

const LOCAL_MINUTE = /^\d{4}-\d\d-\d\dT\d\d:\d\d$/;

/** The instant a datetime-local value names in the user's time zone, or null. */
export function sinceInstant(value: unknown, timeZone: string): Date | null {
  if (typeof value !== "string" || !LOCAL_MINUTE.test(value)) return null;
  try {
    return new Date(Temporal.PlainDateTime.from(value).toZonedDateTime(timeZone).epochMilliseconds);
  } catch {
    return null;
  }
}

/** What the revert query asks for, when it is complete and valid. */
export interface RevertRequest {
  actor: string;
  since: Date;
  sinceText: string;
}

interface Props {
  actors: ActorActivity[];
  sessions: SessionSummary[];
  tokens: AccessToken[];
  request: RevertRequest | null;
  preview: RevertPreview | null;
  notice?: string;
  describeTime: (date: Date) => string;
  defaultSince: string;
}

function actorLabel(actor: string, sessions: SessionSummary[], tokens: AccessToken[]): string {
  if (actor.startsWith("token:")) {
    const token = tokens.find((candidate) => `token:${candidate.id}` === actor);
    return token ? `Access token “${token.name}”` : "A revoked access token";
  }
  const session = sessions.find((candidate) => `session:${candidate.id}` === actor);
  if (!session) return "A signed-out device";
  return session.current ? `${session.device} (this device)` : session.device;
}

export function RevertSection({ actors, sessions, tokens, request, preview, notice, describeTime, defaultSince }: Props) {
  return (
    <section className="card" aria-labelledby="revert-heading" id="undo-device">
      <h2 id="revert-heading">Undo a device&apos;s changes</h2>
      <p className="hint">Undo everything one device did since a time: a field someone changed after it stays as they left it.</p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {actors.length === 0 ? (
        <p className="hint">No device has changed your tasks in the last 30 days.</p>
      ) : (
        <form method="get" action="/settings#undo-device" className="revert-form">
          <label>
            Device
            <select name="revert" defaultValue={request?.actor}>
              {actors.map((activity) => (
                <option key={activity.actor} value={activity.actor}>
                  {actorLabel(activity.actor, sessions, tokens)}: {formatCount(activity.changes)} {activity.changes === 1 ? "change" : "changes"}, last {describeTime(new Date(activity.lastAt))}
                </option>
              ))}
            </select>
          </label>
          <label>
            Since
            <input type="datetime-local" name="since" required defaultValue={request?.sinceText ?? defaultSince} />
          </label>
          <button className="button" type="submit">
            Show what would be undone
          </button>
        </form>
      )}
      {request && preview && (
        <div className="revert-preview">
          {preview.changes.length === 0 ? (
            <p role="status">{actorLabel(request.actor, sessions, tokens)} made no changes since then.</p>
          ) : (
            <>
              <h3>
                {formatCount(preview.changes.length)} {preview.changes.length === 1 ? "change" : "changes"} by {actorLabel(request.actor, sessions, tokens)}, newest first
              </h3>
              <ol className="revert-changes">
                {preview.changes.map((change) => (
                  <li key={change.seq}>
                    {describeChange(change, preview.names)} <span className="hint">· {describeTime(new Date(change.at))}</span>
                  </li>
                ))}
              </ol>
              {preview.more && <p className="hint">Only the newest {REVERT_MAX} are undone at once: undo again for the rest.</p>}
              <form action={revertDeviceAction}>
                <input type="hidden" name="actor" value={request.actor} />
                <input type="hidden" name="since" value={request.since.toISOString()} />
                <button className="button primary" type="submit">
                  Undo {preview.changes.length === 1 ? "this change" : `these ${formatCount(preview.changes.length)} changes`}
                </button>
              </form>
            </>
          )}
        </div>
      )}
    </section>
  );
}
