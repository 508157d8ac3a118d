// The service worker of reminders' Web Push (registered from the task page and Settings once the
// user turns notifications on). A push carries { title, taskId, url } (lib/reminders/sender.ts),
// encrypted for this browser; a click focuses a tab of the app or opens the task page.

self.addEventListener("push", (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    // Not ours to read: still say something rather than nothing.
  }
  const title = typeof message.title === "string" && message.title ? message.title : "Tasks";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: "Reminder",
      icon: "/icon.svg",
      // One notification per task: a second reminder of the same task replaces the first.
      tag: typeof message.taskId === "string" ? `task-${message.taskId}` : undefined,
      data: { url: "/tasks" },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((client) => new URL(client.url).pathname.startsWith("/tasks"));
      if (open) return open.focus();
      return self.clients.openWindow("/tasks");
    })(),
  );
});
