"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { createContext, use, useEffect, useSyncExternalStore, type ReactNode } from "react";
import { getQueryClient } from "@/lib/client/query-client";
import { TIME_ZONE_COOKIE } from "@/lib/client/relative-date";

const ServerTimeZone = createContext("UTC");
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noSubscription = () => () => {};

/** The user's time zone: the one the server rendered with while hydrating, the browser's after. */
export function useTimeZone(): string {
  const serverZone = use(ServerTimeZone);
  return useSyncExternalStore(noSubscription, browserTimeZone, () => serverZone);
}

export function TaskPageProviders({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  useEffect(() => {
    // Tells the server the zone for the next page load, so that it renders "Today" the user's way.
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(browserTimeZone())}; path=/; max-age=31536000; samesite=lax`;
  }, []);
  return (
    <QueryClientProvider client={getQueryClient()}>
      <NuqsAdapter>
        <ServerTimeZone value={timeZone}>{children}</ServerTimeZone>
      </NuqsAdapter>
    </QueryClientProvider>
  );
}
