"use client";

import { useSyncExternalStore } from "react";

// What only the browser knows, read without an effect: the server's HTML renders the fallback,
// and hydration then switches to the browser's value with no mismatch.

const noSubscription = () => () => {};
let browserZone: string | undefined;
const readBrowserZone = () => (browserZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);

/** False in the server's HTML and until React runs here: whether the page's script runs. */
export function useScripted(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

/** The browser's time zone; "" in the server's HTML. */
export function useBrowserTimeZone(): string {
  return useSyncExternalStore(noSubscription, readBrowserZone, () => "");
}
