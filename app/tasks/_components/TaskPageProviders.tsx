"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { createContext, use, useEffect, useMemo, useSyncExternalStore, type ReactNode } from "react";
import { getQueryClient } from "@/lib/client/query-client";
import { TIME_ZONE_COOKIE } from "@/lib/client/relative-date";

const ServerTimeZone = createContext({ timeZone: "UTC", fixed: false });

// The browser's zone, once read. Reading it builds the page's first Intl.DateTimeFormat, which
// costs ~30 ms here (4x that on a phone): it is read after hydration, in a task of its own.
let browserZone: string | undefined;
const zoneListeners = new Set<() => void>();
function subscribeToZone(listener: () => void) {
  zoneListeners.add(listener);
  return () => void zoneListeners.delete(listener);
}

/**
 * The user's time zone: the one they chose in Settings; else this browser's, with the one the
 * server rendered with until the browser's is known.
 */
export function useTimeZone(): string {
  const server = use(ServerTimeZone);
  const zone = useSyncExternalStore(subscribeToZone, () => browserZone ?? server.timeZone, () => server.timeZone);
  return server.fixed ? server.timeZone : zone;
}

/** `fixed`: the user chose `timeZone` (lib/client/relative-date.ts pageTimeZone). */
export function TaskPageProviders({ timeZone, fixed, children }: { timeZone: string; fixed: boolean; children: ReactNode }) {
  const zone = useMemo(() => ({ timeZone, fixed }), [timeZone, fixed]);
  useEffect(() => {
    const timer = setTimeout(() => {
      browserZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
      // Tells the server the zone for the next page load, so that it renders "Today" the user's way.
      document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(browserZone)}; path=/; max-age=31536000; samesite=lax`;
      zoneListeners.forEach((listener) => listener());
    });
    return () => clearTimeout(timer);
  }, []);
  return (
    <QueryClientProvider client={getQueryClient()}>
      <NuqsAdapter>
        <ServerTimeZone value={zone}>{children}</ServerTimeZone>
      </NuqsAdapter>
    </QueryClientProvider>
  );
}
