import { TASKS_PER_USER_MAX } from "../tasks/constants";

// Limits of calendar feeds: the schemas, the service, the settings page and the tests read them here.

export const FEED_NAME_MAX = 60;
export const FEEDS_PER_USER_MAX = 20;
/** The most events one feed carries: the most tasks one account can hold. */
export const FEED_EVENTS_MAX = TASKS_PER_USER_MAX;
/** Where feeds are served, outside /api: a calendar app sends no Authorization header. */
export const FEED_PATH = "/feeds";
/** How long a calendar app or proxy may keep a feed before asking again (it is private to the URL's holder). */
export const FEED_MAX_AGE_SECONDS = 300;
/** "Last used" is written at most this often, however often calendar apps poll. */
export const FEED_LAST_USED_INTERVAL_MS = 60 * 60 * 1000;
/** A moment's task becomes an event this long. */
export const FEED_EVENT_MINUTES = 30;
