import DataLoader from 'dataloader';

/**
 * The two shapes every batch loader of the API has (keys are ids), so a module's loaders say only what
 * they read: `oneByKey` answers each key with its row or null, `manyByKey` with its rows (in the order the
 * batch query returned them). The batch function is one query for all keys of a tick (no N+1).
 */
export function oneByKey<T>(
  fetch: (keys: readonly string[]) => Promise<readonly T[]>,
  keyOf: (row: T) => string,
): DataLoader<string, T | null>;
/** `missing` answers a key no row has (e.g. zero counts) instead of null. */
export function oneByKey<T>(
  fetch: (keys: readonly string[]) => Promise<readonly T[]>,
  keyOf: (row: T) => string,
  missing: (key: string) => T,
): DataLoader<string, T>;
export function oneByKey<T>(
  fetch: (keys: readonly string[]) => Promise<readonly T[]>,
  keyOf: (row: T) => string,
  missing: (key: string) => T | null = () => null,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const map = new Map<string, T>();
    for (const row of await fetch(keys)) map.set(keyOf(row), row);
    return keys.map((k) => map.get(k) ?? missing(k));
  });
}

export function manyByKey<T>(
  fetch: (keys: readonly string[]) => Promise<readonly T[]>,
  keyOf: (row: T) => string | null,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const map = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of await fetch(keys)) {
      const k = keyOf(row);
      if (k !== null) map.get(k)?.push(row);
    }
    return keys.map((k) => map.get(k) ?? []);
  });
}
