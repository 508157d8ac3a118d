"use client";

import { useEffect, useState } from "react";
import { useScripted } from "@/app/_components/useScripted";
import { errorMessage } from "@/lib/client/error-messages";
import { currentPushState, disablePush, enablePush, type PushState } from "@/lib/client/push";

// "Notifications": turns Web Push of reminders on or off for this browser. Reminders always show
// in the app; push needs the server's VAPID key (null: not configured) and the browser's consent.

const STATE_TEXT: Record<PushState, string> = {
  unsupported: "This browser cannot receive push notifications. On an iPhone or iPad, add Tasks to the Home Screen first.",
  denied: "Notifications are blocked for this site in the browser. Allow them in the site's settings (the icon left of the address), then come back.",
  off: "Notifications are off on this device.",
  on: "Notifications are on on this device: reminders arrive even when Tasks is closed.",
};

export function NotificationSettings({ publicKey }: { publicKey: string | null }) {
  const scripted = useScripted();
  const [state, setState] = useState<PushState | null>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (publicKey) void currentPushState().then(setState, () => setState("unsupported"));
  }, [publicKey]);

  if (!publicKey) {
    return <p className="hint">Push notifications are not configured on this server (VAPID keys): reminders show in the app only.</p>;
  }

  async function change(turnOn: boolean) {
    setPending(true);
    setProblem(null);
    try {
      if (turnOn) setState(await enablePush(publicKey!));
      else {
        await disablePush();
        setState("off");
      }
    } catch (error) {
      // The browser's own refusals (no push service reachable, a blocked subscription) are DOMExceptions.
      setProblem(error instanceof DOMException ? `This browser could not turn notifications on: ${error.message}` : errorMessage(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <p className="hint" role="status">
        {state ? STATE_TEXT[state] : "Reminders show in the app, and as notifications on the devices where you turn them on."}
      </p>
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      {state === "on" ? (
        <button className="button" type="button" disabled={!scripted || pending} onClick={() => void change(false)}>
          Turn off notifications on this device
        </button>
      ) : (
        <button className="button" type="button" disabled={!scripted || pending || state === "unsupported" || state === "denied"} onClick={() => void change(true)}>
          Enable notifications on this device
        </button>
      )}
    </>
  );
}
