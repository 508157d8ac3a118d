// Two tabs of one browser share one session, so the changes feed marks the other tab's changes
// as "mine" too: a tab that stored a write says so on this channel, and the other tabs read again
// (app/tasks/_components/useChangesFeed.ts). One channel object per tab for posting and listening:
// a BroadcastChannel never hears its own messages, but would hear a second object of the same tab.

const CHANNEL_NAME = "tasks:writes";
let channel: BroadcastChannel | null | undefined;

/** This tab's channel, or null where the browser has none. */
export function writesChannel(): BroadcastChannel | null {
  channel ??= typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL_NAME);
  return channel;
}

export function announceWrite(): void {
  writesChannel()?.postMessage("wrote");
}
