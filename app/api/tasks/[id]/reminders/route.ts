import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/ids";
import { REMINDERS_PER_TASK_MAX } from "@/lib/reminders/constants";
import { createReminderSchema, reminderSchema, remindersSchema } from "@/lib/reminders/schemas";
import { createReminder, listReminders } from "@/lib/reminders/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/tasks/[id]/reminders", {
  GET: endpoint({
    auth: signedIn("tasks:read"),
    params: idParamsSchema,
    docs: { summary: "List a task's reminders", description: "Sent ones too (with `sentAt`), soonest first.", responses: { 200: remindersSchema } },
    handle: async ({ userId, params }) => jsonResponse({ reminders: await listReminders(userId, params.id) }),
  }),
  POST: endpoint({
    auth: signedIn("tasks:write"),
    params: idParamsSchema,
    body: createReminderSchema,
    subject: "The reminder",
    docs: {
      summary: "Add a reminder to a task",
      description: `At a moment (\`at\`), or \`minutesBefore\` the task's due moment (it follows the due when that moves). It is sent once, as an in-app notification and as Web Push to the browsers where notifications are on. At most ${REMINDERS_PER_TASK_MAX} per task.`,
      responses: {
        201: reminderSchema,
        409: "reminder_limit_reached: the task has the most reminders it can.",
        422: "reminder_needs_due_moment: minutesBefore on a task not due at a time (due on a whole day, or not due).",
      },
    },
    handle: async ({ actor, params, body }) => jsonResponse(await createReminder(actor, params.id, body), { status: 201 }),
  }),
});
