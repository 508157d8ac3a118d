import { isIP } from "node:net";
import { z } from "zod";
import { instantSchema, says } from "../field-schemas";
import { idSchema } from "../ids";
import { MINUTES_BEFORE_MAX, PUSH_ENDPOINT_MAX } from "./constants";

// What a client may send to the reminder, push subscription and notification API, and what it
// gets back. Strict: any other field is refused by name.

const AT_FORMAT = "at must be a moment in ISO 8601 with its offset, such as 2026-12-24T09:00:00Z.";
const MINUTES_FORMAT = `minutesBefore must be a whole number of minutes from 0 to ${MINUTES_BEFORE_MAX} (a week).`;

export const createReminderSchema = z
  .strictObject({
    at: z.iso
      .datetime({ offset: true, error: AT_FORMAT })
      .refine((value) => !Number.isNaN(Date.parse(value)), "at is not a real moment.")
      .transform((value) => new Date(value))
      .optional(),
    minutesBefore: z.number(says("minutesBefore", MINUTES_FORMAT)).int(MINUTES_FORMAT).min(0, MINUTES_FORMAT).max(MINUTES_BEFORE_MAX, MINUTES_FORMAT).optional(),
  })
  .refine((input) => (input.at === undefined) !== (input.minutesBefore === undefined), {
    message: "Send at (a moment) or minutesBefore (minutes before the task's due moment): exactly one.",
    path: ["at"],
  });
export type ReminderInput = z.output<typeof createReminderSchema>;

export const reminderSchema = z
  .object({
    id: idSchema,
    taskId: idSchema,
    at: instantSchema.nullable().meta({ description: "Fires at this moment; null for a reminder relative to the task's due moment." }),
    minutesBefore: z.number().int().nullable().meta({ description: "Fires this many minutes before the task's dueAt (and follows it when it moves); null for a reminder at a moment." }),
    sentAt: instantSchema.nullable().meta({ description: "When it was sent; null until then." }),
    createdAt: instantSchema,
  })
  .meta({ id: "Reminder" });
export const remindersSchema = z.object({ reminders: z.array(reminderSchema) }).meta({ id: "Reminders" });

/** A host a push service could have: a public DNS name, not an address or a local name. */
const publicHostName = (endpoint: string) => {
  const host = new URL(endpoint).hostname;
  return host.includes(".") && !isIP(host.replace(/^\[|\]$/g, "")) && !/(^|\.)(localhost|local|internal)$/i.test(host);
};

// What PushSubscription.toJSON() gives in the browser. The server posts to this address, so only
// https: to a public host name, as every browser's push service has (a name may still resolve to
// a private address: the sender's requests carry nothing but the encrypted reminder).
export const pushSubscriptionSchema = z.object({
  endpoint: z
    .url({ protocol: /^https$/, error: "endpoint must be the https:// address of a push service." })
    .max(PUSH_ENDPOINT_MAX, `endpoint must be at most ${PUSH_ENDPOINT_MAX} characters.`)
    .refine(publicHostName, "endpoint must be the address of a push service on the internet."),
  // Fields a browser adds (expirationTime) are not ours to keep.
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    p256dh: z.string(says("keys.p256dh", "keys.p256dh must be text.")).regex(/^[A-Za-z0-9_-]{80,100}={0,2}$/, "keys.p256dh must be the subscription's P-256 public key in base64url."),
    auth: z.string(says("keys.auth", "keys.auth must be text.")).regex(/^[A-Za-z0-9_-]{16,44}={0,2}$/, "keys.auth must be the subscription's auth secret in base64url."),
  }),
});
export type PushSubscriptionInput = z.output<typeof pushSubscriptionSchema>;

export const removePushSubscriptionSchema = z.strictObject({ endpoint: z.string(says("endpoint", "endpoint must be text.")).max(PUSH_ENDPOINT_MAX) });

export const notificationSchema = z
  .object({
    id: idSchema,
    taskId: idSchema,
    title: z.string().meta({ description: "The task's title when the reminder was sent." }),
    createdAt: instantSchema,
    readAt: instantSchema.nullable(),
  })
  .meta({ id: "Notification" });
export const notificationsSchema = z.object({ notifications: z.array(notificationSchema) }).meta({ id: "Notifications" });

export const readNotificationSchema = z.strictObject({ read: z.literal(true, { error: "read must be true." }) });

export const sendSummarySchema = z
  .object({
    claimed: z.number().int().meta({ description: "Due reminders this run took." }),
    sent: z.number().int().meta({ description: "Delivered: in-app, and to every push subscription that took it." }),
    skipped: z.number().int().meta({ description: "Of tasks completed or in the trash: marked sent, nothing sent." }),
    failed: z.number().int().meta({ description: "A push failed for a reason other than a gone subscription: tried again by a later run, up to 3 times." }),
  })
  .meta({ id: "ReminderRun" });
