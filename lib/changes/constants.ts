/** Changes per page of the changes feed: at most, and when the client does not say. */
export const FEED_PAGE_MAX = 1000;
export const FEED_PAGE_DEFAULT = 500;
/** Entries per page of a task's history: at most, and when the client does not say. */
export const HISTORY_PAGE_MAX = 1000;
export const HISTORY_PAGE_DEFAULT = 100;
/** How often the task page asks the feed for other devices' changes, while it is visible. */
export const FEED_POLL_MS = 3000;
