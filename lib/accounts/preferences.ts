import { getPrisma } from "../db";
import { formText } from "./auth-errors";
import type { ThemeFormState } from "./form-state";
import { isTheme, THEME_SAVED } from "./theme";

// The settings page's Appearance: the user's theme, in their profile.

/** Saves the form's theme as the user's; `theme` in the answer is what to paint now. */
export async function submitTheme(form: FormData, userId: string): Promise<ThemeFormState> {
  const theme = formText(form, "theme");
  if (!isTheme(theme)) return { problem: { message: "Choose System, Light or Dark.", fields: ["theme"] } };
  await getPrisma().user.update({ where: { id: userId }, data: { theme } });
  return { done: THEME_SAVED, theme };
}
