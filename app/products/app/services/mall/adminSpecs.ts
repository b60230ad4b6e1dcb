import { refuse } from '../../../../core/errors';
import { parseJson, SPEC_JOIN as JOIN, SPEC_PAIR as PAIR } from './goods';

/** A goods' spec names and their allowed values, in display order; `{}` = single spec. */
export type SpecVal = Record<string, string[]>;

/** One product's place in its goods' spec grid, as stored in `products.spec_val` / `arr_spec_val`. */
export interface ProductSpec {
  spec_val: string;
  arr_spec_val: Record<string, string> | [];
}

/** `颜色:::红色|||尺码:::L` → `{颜色: 红色, 尺码: L}`; '' → {}. Malformed text is "spec unknown". */
export function parseSpecKey(key: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (key === '') return out;
  for (const part of key.split(JOIN)) {
    const at = part.indexOf(PAIR);
    if (at <= 0) throw refuse(`spec unknown: "${key}"`);
    const name = part.slice(0, at);
    if (name in out) throw refuse(`spec unknown: "${name}" given twice`);
    out[name] = part.slice(at + PAIR.length);
  }
  return out;
}

/**
 * Places a product in the goods' grid: it must name every spec exactly once with one of its values
 * (catalog: 503 spec unknown). The key follows the goods' name order so that equal specs give equal
 * keys, which is what makes "one product per spec" checkable.
 */
export function placeSpec(specVal: SpecVal, given: Record<string, string> | string): ProductSpec {
  const spec = typeof given === 'string' ? parseSpecKey(given) : given;
  const names = Object.keys(specVal);
  if (names.length === 0) {
    if (Object.keys(spec).length > 0) throw refuse('spec unknown: this goods has a single spec');
    return { spec_val: '', arr_spec_val: [] };
  }
  const extra = Object.keys(spec).find((name) => !(name in specVal));
  if (extra !== undefined) throw refuse(`spec unknown: "${extra}"`);
  const arr: Record<string, string> = {};
  for (const name of names) {
    const value = spec[name];
    if (value === undefined) throw refuse(`spec unknown: "${name}" is missing`);
    if (!specVal[name].includes(value)) throw refuse(`spec unknown: "${name}" has no value "${value}"`);
    arr[name] = value;
  }
  const key = names.map((name) => `${name}${PAIR}${arr[name]}`).join(JOIN);
  if (key.length > 255) throw refuse('spec unknown: the spec text is longer than 255 characters');
  return { spec_val: key, arr_spec_val: arr };
}

/** `goods.spec_val` as stored: a JSON object, or `[]` for a single spec (as the seed answers it). */
export function storedSpecVal(specVal: SpecVal): string {
  return JSON.stringify(Object.keys(specVal).length ? specVal : []);
}

/** A JSON column that holds an object, or `[]` for "none": the object, `{}` for none. */
export function readSpecObject<T extends object>(stored: string | null | undefined): T {
  const parsed = parseJson<unknown>(stored, []);
  return (Array.isArray(parsed) || parsed === null || typeof parsed !== 'object' ? {} : parsed) as T;
}
