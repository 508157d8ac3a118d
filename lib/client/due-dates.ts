// Due dates are picked as calendar days and stored as the end of that day in the user's time
// zone, so a task due "today" becomes overdue only once today is over.

/** yyyy-mm-dd of an ISO date-time, in local time, for <input type="date">. */
export function toDateInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The ISO date-time for the end of a yyyy-mm-dd day, or null for an empty input. */
export function fromDateInput(value: string): string | null {
  if (!value) return null;
  const [year, month, day] = value.split("-").map(Number);
  return new Date(year, month - 1, day, 23, 59, 59).toISOString();
}
