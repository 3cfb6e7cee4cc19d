// A deep copy of a replay's books for a checkpoint (ledger-resume.ts): class instances keep their
// prototype (the books are classes with methods), typed arrays and arrays are copied, and an
// object met twice is copied once. `swap` names objects that are not copied but replaced by
// another (the append-only logs a checkpoint keeps as counts instead).

type Swap = Map<object, unknown>;

export function cloneState<T>(value: T, swap: Swap = new Map()): T {
  return copy(value, swap) as T;
}

function copy(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (ArrayBuffer.isView(value)) {
    const out = (value as unknown as Float64Array).slice();
    seen.set(value, out);
    return out;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    seen.set(value, out);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      // Most entries are numbers or strings: no call for them.
      out[i] = typeof item === 'object' && item !== null ? copy(item, seen) : item;
    }
    return out;
  }
  if (value instanceof Map) {
    const out = new Map<unknown, unknown>();
    seen.set(value, out);
    for (const [k, v] of value) out.set(copy(k, seen), copy(v, seen));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set<unknown>();
    seen.set(value, out);
    for (const v of value) out.add(copy(v, seen));
    return out;
  }
  const out = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  seen.set(value, out);
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key], seen);
  return out;
}
