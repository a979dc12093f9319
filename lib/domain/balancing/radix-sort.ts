/**
 * Stable LSD radix sort of 32-bit keys carrying an Int32 payload: two counting passes of 16 bits, O(n).
 * Used for ring points, where V8's generic TypedArray sort takes ~1.3 s for 2M entries and this ~30 ms.
 * Stability keeps equal keys in input order, which the hash ring relies on for its id tie-break.
 */
export function radixSortByKey(keys: Uint32Array, payload: Int32Array): { keys: Uint32Array; payload: Int32Array } {
  const n = keys.length;
  const lowKeys = new Uint32Array(n);
  const lowPayload = new Int32Array(n);
  countingPass(keys, payload, lowKeys, lowPayload, 0);
  const sortedKeys = new Uint32Array(n);
  const sortedPayload = new Int32Array(n);
  countingPass(lowKeys, lowPayload, sortedKeys, sortedPayload, 16);
  return { keys: sortedKeys, payload: sortedPayload };
}

/** Stable counting sort on the 16 bits of each key starting at `shift`. */
function countingPass(keys: Uint32Array, payload: Int32Array, toKeys: Uint32Array, toPayload: Int32Array, shift: number): void {
  // next[b]: where the next key of bucket b goes (prefix sums of the bucket sizes).
  const next = new Uint32Array(65537);
  for (let i = 0; i < keys.length; i++) {
    const slot = (((keys[i] as number) >>> shift) & 0xffff) + 1;
    next[slot] = (next[slot] as number) + 1;
  }
  for (let b = 1; b <= 65536; b++) next[b] = (next[b] as number) + (next[b - 1] as number);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number;
    const bucket = (key >>> shift) & 0xffff;
    const at = next[bucket] as number;
    next[bucket] = at + 1;
    toKeys[at] = key;
    toPayload[at] = payload[i] as number;
  }
}
