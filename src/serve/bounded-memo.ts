// **bounded-memo** takes a function of a string and returns it memoised in a Map bounded by entry
// count and key length (the oldest entry leaves first), for per-request work on repeated inputs.

/**
 * Memoises `compute`. Keys longer than `maxKeyLength` are computed every time and not kept, so the
 * memory held stays below maxEntries × maxKeyLength characters plus the values.
 * @example const inspect = boundedMemo(inspectQueryText, 256, 4096)
 */
export function boundedMemo<V>(compute: (key: string) => V, maxEntries: number, maxKeyLength = 4096): (key: string) => V {
  const entries = new Map<string, V>();
  return (key: string): V => {
    if (key.length > maxKeyLength) return compute(key);
    if (entries.has(key)) return entries.get(key) as V;
    const value = compute(key);
    if (entries.size >= maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done !== true) entries.delete(oldest.value);
    }
    entries.set(key, value);
    return value;
  };
}
