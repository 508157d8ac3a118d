/**
 * Sets `key` as the newest entry of `map` and drops the oldest once there are more than `max`:
 * a Map keeps insertion order, so its first key is the one set longest ago. For per-instance
 * caches and counters that must not grow without bound.
 */
export function setNewest<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
}
