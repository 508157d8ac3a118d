/** Reminders one task may have. */
export const REMINDERS_PER_TASK_MAX = 5;
/** The furthest a relative reminder reaches before its task's due moment: a week. */
export const MINUTES_BEFORE_MAX = 7 * 24 * 60;
/** Push subscriptions (browsers, devices) one user may have. */
export const PUSH_SUBSCRIPTIONS_PER_USER_MAX = 20;
export const PUSH_ENDPOINT_MAX = 1000;
/** Notifications GET /api/notifications returns, newest first. */
export const NOTIFICATIONS_SHOWN = 50;
