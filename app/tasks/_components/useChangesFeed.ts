"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { FEED_POLL_MS } from "@/lib/changes/constants";
import { changesSince } from "@/lib/client/history-api";
import { readAllAgain } from "@/lib/client/task-cache";
import { writesChannel } from "@/lib/client/write-broadcast";

// Keeps the page current with what other devices and tabs write: it follows the changes feed
// from the moment the page opened, every FEED_POLL_MS while the tab is visible, at once when it
// becomes visible or another tab of this browser says it wrote (that tab's session is this one,
// so its changes come back as "mine": the message is what tells them apart). Another's change
// makes the page read everything again, but never while this tab's own writes are on their way:
// a read then could put the state from before them back on screen (e2e/lost-updates.spec.ts), so
// the cursor stays and the next tick tries again. The cursor moves on only once a page is handled.
// It starts where the server stood before it read the page's data: a change between that read
// and this tab's start (the feed's position when the tab first asks) was not made by this tab,
// which could not write yet, even when it is this session's (a delete sent as the previous page
// closed), and makes it read everything again.
export function useChangesFeed(renderedAt: string): void {
  const client = useQueryClient();
  useEffect(() => {
    let cursor = renderedAt;
    let startedAt: number | null = null; // the last change made before this tab could write
    let otherTabWrote = false;
    let running = false;
    let askedWhileRunning = false;
    let stopped = false;

    async function tick() {
      if (stopped || document.visibilityState !== "visible") return;
      if (running) return void (askedWhileRunning = true); // e.g. a message that came after this tick's read
      running = true;
      askedWhileRunning = false;
      try {
        startedAt ??= Number((await changesSince(null)).cursor);
        for (let more = true; more && !stopped; ) {
          if (client.isMutating() > 0) return;
          const page = await changesSince(cursor);
          if (otherTabWrote || page.changes.some((change) => !change.mine || change.seq <= startedAt!)) {
            if (client.isMutating() > 0) return; // a write started meanwhile: this page again next tick
            otherTabWrote = false;
            void readAllAgain(client);
          }
          cursor = page.cursor;
          more = page.more;
        }
      } catch {
        // Offline or refused: the next tick asks again from the same cursor.
      } finally {
        running = false;
        if (askedWhileRunning) void tick();
      }
    }

    const timer = setInterval(() => void tick(), FEED_POLL_MS);
    const onVisible = () => void tick();
    const channel = writesChannel();
    const onOtherTab = () => {
      otherTabWrote = true;
      void tick();
    };
    document.addEventListener("visibilitychange", onVisible);
    channel?.addEventListener("message", onOtherTab);
    void tick();
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      channel?.removeEventListener("message", onOtherTab);
    };
  }, [client, renderedAt]);
}
