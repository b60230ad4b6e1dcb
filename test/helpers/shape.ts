import { expect } from 'chai';

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Asserts that `actual` has exactly the keys of `example` (a seed example answer), each of the same JSON
 * type, recursively; every element of an array is checked against the example's first element.
 * `path` names the spot in failure messages.
 */
export function expectShape(actual: unknown, example: unknown, path = 'data'): void {
  expect(kind(actual), `type of ${path}`).to.equal(kind(example));
  if (Array.isArray(example)) {
    if (example.length) for (const [i, item] of (actual as unknown[]).entries()) expectShape(item, example[0], `${path}[${i}]`);
    return;
  }
  if (kind(example) !== 'object') return;
  const exampleObject = example as Record<string, unknown>;
  const actualObject = actual as Record<string, unknown>;
  expect(Object.keys(actualObject), `keys of ${path}`).to.have.members(Object.keys(exampleObject));
  for (const key of Object.keys(exampleObject)) expectShape(actualObject[key], exampleObject[key], `${path}.${key}`);
}
