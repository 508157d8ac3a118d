/** Days a deleted task stays in the trash before it is deleted for good. */
export const TRASH_DAYS = 30;
/** Tasks per page of the trash: at most, and when the client does not say. */
export const TRASH_PAGE_MAX = 200;
export const TRASH_PAGE_DEFAULT = 100;
export const DAY_MS = 86_400_000;
