/** Changes per page of the changes feed: at most, and when the client does not say. */
export const FEED_PAGE_MAX = 1000;
export const FEED_PAGE_DEFAULT = 500;
/** Entries per page of a task's history: at most, and when the client does not say. */
export const HISTORY_PAGE_MAX = 1000;
export const HISTORY_PAGE_DEFAULT = 100;
/** How often the task page asks the feed for other devices' changes, while it is visible. */
export const FEED_POLL_MS = 3000;
/** The most changes one revert undoes (and its preview lists): a larger one is done in steps. */
export const REVERT_MAX = 500;
/** Devices and tokens offered for a revert: those with changes in the last this many days. */
export const REVERT_ACTORS_DAYS = 30;
