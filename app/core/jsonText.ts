/**
 * A value held as its JSON text: a cached answer read from the KV store goes out as the text it was
 * stored as, without being parsed and serialised again on every hit. Anything that serialises it another
 * way (`JSON.stringify` of an object holding it) still gets the value.
 */
export class JsonText<T = unknown> {
  constructor(readonly text: string) {}

  static of<T>(value: T): JsonText<T> {
    return new JsonText<T>(JSON.stringify(value));
  }

  value(): T {
    return JSON.parse(this.text) as T;
  }

  toJSON(): T {
    return this.value();
  }
}
