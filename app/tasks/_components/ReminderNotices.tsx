"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { registerWorkerIfEnabled } from "@/lib/client/push";
import { listNotifications, markNotificationRead } from "@/lib/client/reminders-api";

// The in-app side of reminders on the task page: unread notifications, checked every minute (the
// sender runs every minute), each dismissed by marking it read. Also keeps the push service
// worker registered in a browser where the user turned notifications on.

const NOTIFICATIONS_KEY = ["notifications"] as const;
const CHECK_EVERY_MS = 60_000;

export function ReminderNotices() {
  const client = useQueryClient();
  const notifications = useQuery({ queryKey: NOTIFICATIONS_KEY, queryFn: listNotifications, refetchInterval: CHECK_EVERY_MS });
  const dismiss = useMutation({ mutationFn: markNotificationRead, onSettled: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }) });
  useEffect(registerWorkerIfEnabled, []);

  const unread = (notifications.data?.notifications ?? []).filter((notification) => notification.readAt === null && notification.id !== dismiss.variables);
  if (unread.length === 0) return null;
  return (
    <aside className="banner reminder-notices" aria-label="Reminders">
      <ul>
        {unread.map((notification) => (
          <li key={notification.id} role="status">
            <span>
              Reminder: <strong>{notification.title}</strong>
            </span>{" "}
            <button className="button small" type="button" onClick={() => dismiss.mutate(notification.id)} aria-label={`Dismiss reminder ${notification.title}`}>
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
