/**
 * Loads something that re-renders what is under the pointer, and hands it to `handTo` only while no
 * pointer is pressed. A mouse click needs its press and its release on the same element: if the
 * element is swapped for a new one in between, the browser sends no click at all. `pressedNow`:
 * whether a press is already under way (the event that asked for the load). Resolves once used;
 * rejects, using nothing, if the load fails.
 */
export function loadBetweenPresses<T>(load: () => Promise<T>, handTo: (loaded: T) => void, pressedNow: boolean): Promise<void> {
  let pressed = pressedNow;
  const onPress = () => (pressed = true);
  // After the release's own click has run (it is dispatched in the same task as the release).
  const onRelease = () => setTimeout(() => (pressed = false));
  const events = [
    ["pointerdown", onPress],
    ["pointerup", onRelease],
    ["pointercancel", onRelease],
  ] as const;
  events.forEach(([name, listener]) => document.addEventListener(name, listener, true));
  const stopListening = () => events.forEach(([name, listener]) => document.removeEventListener(name, listener, true));

  return load().then(
    (loaded) =>
      new Promise<void>((resolve) => {
        const handOver = () => {
          if (pressed) return void setTimeout(handOver, 50);
          stopListening();
          handTo(loaded);
          resolve();
        };
        handOver();
      }),
    (error: unknown) => {
      stopListening();
      throw error;
    },
  );
}
