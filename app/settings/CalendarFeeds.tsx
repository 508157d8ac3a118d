"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useScripted } from "@/app/_components/useScripted";
import { ConfirmDialog } from "@/app/tasks/_components/AskDialog";
import { FEED_NAME_MAX } from "@/lib/calendar-feeds/constants";
import { createCalendarFeed, revokeCalendarFeed, rotateCalendarFeed } from "@/lib/client/calendar-feeds-api";
import { errorMessage } from "@/lib/client/error-messages";
import { ShownOnce } from "./ShownOnce";

// "Calendar feeds": made, rotated and revoked through the calendar feed API with the page's
// session token. A feed's URL holds its secret, so it is shown once, after creating or rotating;
// the list is the server's, read again after each change.

export interface FeedRow {
  id: string;
  name: string;
  /** "Created today · last read yesterday · only the list Work", worded by the server in the user's zone */
  facts: string;
}

type Choice = { id: string; name: string };

export function CalendarFeeds({ feeds, lists, labels }: { feeds: FeedRow[]; lists: Choice[]; labels: Choice[] }) {
  const router = useRouter();
  const scripted = useScripted();
  const [busy, setBusy] = useState<"create" | "rotate" | "revoke" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState<{ name: string; url: string } | null>(null);
  const [asking, setAsking] = useState<{ feed: FeedRow; action: "rotate" | "revoke" } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  async function run(action: NonNullable<typeof busy>, work: () => Promise<void>) {
    setBusy(action);
    setProblem(null);
    try {
      await work();
      router.refresh();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(null);
      messageRef.current?.focus();
    }
  }

  async function create(form: HTMLFormElement) {
    const fields = new FormData(form);
    // One select offers everything, a list or a label: "list:<id>", "label:<id>" or "".
    const [kind, id] = String(fields.get("scope") ?? "").split(":");
    setShown(null);
    await run("create", async () => {
      const { feed, url } = await createCalendarFeed({ name: String(fields.get("name") ?? ""), listId: kind === "list" ? id : null, labelId: kind === "label" ? id : null });
      setShown({ name: feed.name, url });
      form.reset();
    });
  }

  function act(feed: FeedRow, action: "rotate" | "revoke") {
    setShown(null);
    void run(action, async () => {
      if (action === "revoke") return revokeCalendarFeed(feed.id);
      const { url } = await rotateCalendarFeed(feed.id);
      setShown({ name: feed.name, url });
    });
  }

  return (
    <>
      <div ref={messageRef} role="alert" tabIndex={-1} className="form-message">
        {problem && <p className="alert">{problem}</p>}
      </div>
      {shown && (
        <ShownOnce
          key={shown.url}
          title={`Copy the address of “${shown.name}” now:`}
          secret={shown.url}
          label={`The address of ${shown.name}`}
          hint="Subscribe to it by URL in your calendar app. Google Calendar refreshes subscriptions on its own schedule, often only every few hours, so changes can take that long to appear there."
          onCopyFailed={() => setProblem("Could not copy: select the address and copy it yourself.")}
        />
      )}
      {feeds.length === 0 ? (
        <p className="hint">No calendar feeds yet.</p>
      ) : (
        <ul className="sessions" aria-label="Your calendar feeds">
          {feeds.map((feed) => (
            <li key={feed.id} className="session">
              <div>
                <strong>{feed.name}</strong>
                <p className="hint">{feed.facts}</p>
              </div>
              <div className="row">
                <button className="button small" type="button" disabled={!scripted || busy !== null} aria-label={`Rotate the address of ${feed.name}`} onClick={() => setAsking({ feed, action: "rotate" })}>
                  Rotate
                </button>
                <button className="button small" type="button" disabled={!scripted || busy !== null} aria-label={`Revoke feed ${feed.name}`} onClick={() => setAsking({ feed, action: "revoke" })}>
                  Revoke
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {asking && (
        <ConfirmDialog
          title={asking.action === "revoke" ? `Revoke “${asking.feed.name}”?` : `Rotate the address of “${asking.feed.name}”?`}
          text={
            asking.action === "revoke"
              ? "Its address stops working at once, and calendars subscribed to it stop updating."
              : "Its address stops working at once; you get a new one, to subscribe to again in your calendar apps."
          }
          confirm={asking.action === "revoke" ? "Revoke feed" : "Rotate address"}
          onConfirm={() => act(asking.feed, asking.action)}
          onClose={() => setAsking(null)}
        />
      )}
      <form
        className="settings-form"
        aria-labelledby="new-feed-heading"
        onSubmit={(event) => {
          event.preventDefault();
          void create(event.currentTarget);
        }}
      >
        <h3 id="new-feed-heading">New calendar feed</h3>
        <div className="field">
          <label htmlFor="feed-name">Feed name</label>
          <input id="feed-name" name="name" required maxLength={FEED_NAME_MAX} placeholder="Tasks in my calendar" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="feed-scope">Tasks in it</label>
          <select id="feed-scope" name="scope" defaultValue="">
            <option value="">Every task with a due date</option>
            {lists.length > 0 && (
              <optgroup label="Only one list">
                {lists.map((list) => (
                  <option key={list.id} value={`list:${list.id}`}>
                    {list.name}
                  </option>
                ))}
              </optgroup>
            )}
            {labels.length > 0 && (
              <optgroup label="Only one label">
                {labels.map((label) => (
                  <option key={label.id} value={`label:${label.id}`}>
                    {label.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <button className="button primary" type="submit" disabled={busy !== null || !scripted}>
          {busy === "create" ? "Creating…" : "Create feed"}
        </button>
      </form>
    </>
  );
}
