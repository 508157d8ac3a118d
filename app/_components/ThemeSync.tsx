"use client";

import { useEffect } from "react";
import { THEME_COOKIE, THEME_COOKIE_MAX_AGE_SECONDS, themeAttribute, type Theme } from "@/lib/accounts/theme";

/**
 * Keeps this device's theme cookie (read by the root layout) in step with the user's profile: on
 * a device where they just signed in, or after they changed it on another one, the page repaints
 * now and the next page is painted right from its first byte.
 */
export function ThemeSync({ theme }: { theme: Theme }) {
  useEffect(() => {
    const current = document.cookie.split("; ").find((cookie) => cookie.startsWith(`${THEME_COOKIE}=`))?.slice(THEME_COOKIE.length + 1);
    if (current !== theme) document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=${THEME_COOKIE_MAX_AGE_SECONDS}; samesite=lax`;
    const attribute = themeAttribute(theme);
    if (document.documentElement.dataset.theme === attribute) return;
    if (attribute) document.documentElement.dataset.theme = attribute;
    else delete document.documentElement.dataset.theme;
  }, [theme]);
  return null;
}
