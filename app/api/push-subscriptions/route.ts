import { BROWSER_SESSION } from "@/lib/api/auth-kinds";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { PUSH_SUBSCRIPTIONS_PER_USER_MAX } from "@/lib/reminders/constants";
import { pushSubscriptionSchema, removePushSubscriptionSchema } from "@/lib/reminders/schemas";
import { deletePushSubscription, savePushSubscription } from "@/lib/reminders/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/push-subscriptions", {
  POST: endpoint({
    auth: BROWSER_SESSION,
    body: pushSubscriptionSchema,
    subject: "The push subscription",
    docs: {
      summary: "Turn on push notifications for this browser",
      description: `The browser's PushSubscription (\`subscription.toJSON()\`): reminders are pushed to it from now on. Saving it again updates it. At most ${PUSH_SUBSCRIPTIONS_PER_USER_MAX} per account.`,
      responses: { 204: null, 409: "push_subscription_limit_reached: the account has notifications on in the most browsers it can." },
    },
    handle: async ({ actor, body }) => {
      await savePushSubscription(actor, body);
      return new Response(null, { status: 204 });
    },
  }),
  DELETE: endpoint({
    auth: BROWSER_SESSION,
    body: removePushSubscriptionSchema,
    subject: "The push subscription",
    docs: { summary: "Turn off push notifications for this browser", description: "Forgets the subscription with this `endpoint`, if it is yours.", responses: { 204: null } },
    handle: async ({ userId, body }) => {
      await deletePushSubscription(userId, body.endpoint);
      return new Response(null, { status: 204 });
    },
  }),
});
