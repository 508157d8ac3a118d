import { getPrisma } from "../db";
import { formText } from "./auth-errors";
import { knownTimeZone } from "../client/relative-date";
import type { ThemeFormState, TimeZoneFormState } from "./form-state";
import { isTheme, THEME_SAVED } from "./theme";

// The settings page's Appearance and Time zone, in the user's profile.

/** Saves the form's theme as the user's; `theme` in the answer is what to paint now. */
export async function submitTheme(form: FormData, userId: string): Promise<ThemeFormState> {
  const theme = formText(form, "theme");
  if (!isTheme(theme)) return { problem: { message: "Choose System, Light or Dark.", fields: ["theme"] } };
  await getPrisma().user.update({ where: { id: userId }, data: { theme } });
  return { done: THEME_SAVED, theme };
}

/** Saves the form's time zone as the user's (an IANA name), or none: each device's own. */
export async function submitTimeZone(form: FormData, userId: string): Promise<TimeZoneFormState> {
  const typed = formText(form, "timeZone");
  const timeZone = typed === "" ? null : knownTimeZone(typed);
  if (timeZone === undefined) return { problem: { message: "Choose a time zone from the list.", fields: ["timeZone"] } };
  await getPrisma().user.update({ where: { id: userId }, data: { timeZone } });
  return { done: timeZone ? `Dates now follow ${timeZone} on every device.` : "Dates now follow each device's own time zone." };
}
