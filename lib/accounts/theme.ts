// The colour theme a user picks in Settings: kept in their profile (so it follows them to every
// device) and in a cookie on each device (so that the root layout paints it from the first byte,
// with no query). Plain values: the browser imports this module too.

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "theme";
export const THEME_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
export const THEME_SAVED = "Theme saved: every device you sign in on uses it.";

export const isTheme = (value: unknown): value is Theme => typeof value === "string" && (THEMES as readonly string[]).includes(value);

/** A stored or sent theme as one the app knows: anything else follows the device. */
export const toTheme = (value: unknown): Theme => (isTheme(value) ? value : "system");

/** The `data-theme` of the page's root element: none when it follows the device. */
export const themeAttribute = (theme: Theme) => (theme === "system" ? undefined : theme);
