import DataLoader from 'dataloader';

/**
 * The two shapes every batch loader of the API has, so a module's loaders say only what they read:
 * `oneByKey` answers each key with its row or null, `manyByKey` with its rows (in the order the batch
 * query returned them). The batch function is one query for all keys of a tick (no N+1).
 */
export function oneByKey<K, T>(
  fetch: (keys: readonly K[]) => Promise<readonly T[]>,
  keyOf: (row: T) => K,
): DataLoader<K, T | null>;
/** `missing` answers a key no row has (e.g. zero counts) instead of null. */
export function oneByKey<K, T>(
  fetch: (keys: readonly K[]) => Promise<readonly T[]>,
  keyOf: (row: T) => K,
  missing: (key: K) => T,
): DataLoader<K, T>;
export function oneByKey<K, T>(
  fetch: (keys: readonly K[]) => Promise<readonly T[]>,
  keyOf: (row: T) => K,
  missing: (key: K) => T | null = () => null,
): DataLoader<K, T | null> {
  return new DataLoader<K, T | null>(async (keys) => {
    const map = new Map<K, T>();
    for (const row of await fetch(keys)) map.set(keyOf(row), row);
    return keys.map((k) => map.get(k) ?? missing(k));
  });
}

export function manyByKey<K, T>(
  fetch: (keys: readonly K[]) => Promise<readonly T[]>,
  keyOf: (row: T) => K | null,
): DataLoader<K, T[]> {
  return new DataLoader<K, T[]>(async (keys) => {
    const map = new Map<K, T[]>(keys.map((k) => [k, []]));
    for (const row of await fetch(keys)) {
      const k = keyOf(row);
      if (k !== null) map.get(k)?.push(row);
    }
    return keys.map((k) => map.get(k) ?? []);
  });
}
