/**
 * A few seconds of memory in a warm instance for what every buyer of a rush reads and nobody
 * changes mid-rush: the sale document (prices, limits, window), the item's SKU and product (titles,
 * status) and the settings. Stock, counters, the buyer's tier and address are never cached; a
 * withdrawn or edited sale or a product taken off sale takes effect within TTL_MS.
 */
const TTL_MS = 3_000;

const entries = new Map<string, { at: number; value: Promise<unknown> }>();

export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const at = Date.now();
  const hit = entries.get(key);
  if (hit && at - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = load();
  entries.set(key, { at, value });
  // A failed read is not remembered.
  value.catch(() => entries.delete(key));
  return value;
}
