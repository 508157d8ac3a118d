export const LIST_NAME_MAX = 60;
/** The most lists one account can hold, archived ones and the Inbox included. */
export const LISTS_PER_USER_MAX = 100;
/** What DELETE /api/lists/[id] does with the list's tasks: move them to the Inbox, or delete them too. */
export const LIST_DELETE_MODES = ["inbox", "delete"] as const;
