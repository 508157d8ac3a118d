import { deletePushSubscription, savePushSubscription } from "./reminders-api";

// Web Push in this browser: the service worker (public/sw.js) and the PushManager subscription,
// kept on the server so that the reminder sender can push to it.

const WORKER = "/sw.js";
/** Set once the user turns notifications on here, so the task page registers the worker again. */
const ENABLED_KEY = "tasks.notifications";

export type PushState = "unsupported" | "denied" | "off" | "on";

export function pushSupported(): boolean {
  return typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

export async function currentPushState(): Promise<PushState> {
  if (!pushSupported()) return "unsupported";
  if (Notification.permission === "denied") return "denied";
  const registration = await navigator.serviceWorker.getRegistration(WORKER);
  return (await registration?.pushManager.getSubscription()) ? "on" : "off";
}

/** The VAPID public key (base64url) as PushManager takes it. */
function applicationServerKey(publicKey: string): Uint8Array<ArrayBuffer> {
  const base64 = publicKey.replaceAll("-", "+").replaceAll("_", "/");
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

/** Asks for permission, subscribes this browser and tells the server; "denied" when the user said no. */
export async function enablePush(publicKey: string): Promise<"on" | "denied"> {
  if ((await Notification.requestPermission()) !== "granted") return "denied";
  const registration = await navigator.serviceWorker.register(WORKER);
  await navigator.serviceWorker.ready;
  const subscription =
    (await registration.pushManager.getSubscription()) ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: applicationServerKey(publicKey) }));
  const { endpoint, keys } = subscription.toJSON();
  await savePushSubscription({ endpoint: endpoint!, keys: { p256dh: keys!.p256dh, auth: keys!.auth } });
  localStorage.setItem(ENABLED_KEY, "1");
  return "on";
}

export async function disablePush(): Promise<void> {
  localStorage.removeItem(ENABLED_KEY);
  const subscription = await (await navigator.serviceWorker.getRegistration(WORKER))?.pushManager.getSubscription();
  if (!subscription) return;
  await deletePushSubscription(subscription.endpoint);
  await subscription.unsubscribe();
}

/** On the task page: keeps the worker registered (and updated) where the user turned notifications on. */
export function registerWorkerIfEnabled(): void {
  if (pushSupported() && Notification.permission === "granted" && localStorage.getItem(ENABLED_KEY)) {
    navigator.serviceWorker.register(WORKER).catch(() => {
      // Push still arrives through the registration the browser keeps; nothing to tell the user.
    });
  }
}
