import type Joi from 'joi';
import type { AppContext } from '../context';
import type { ApiType, Caller, UploadedFile, UserRequirement } from '../core/caller';
import type { JsonText } from '../core/jsonText';

export type { UploadedFile } from '../core/caller';

/** Everything a handler may know about the call besides its parameters; no koa, no HTTP. */
export interface CallContext extends Caller {
  method: string;
  /** The version the client asked for (`v`). */
  version: string;
  token: string;
  files: UploadedFile[];
}

/** A handler's answer with its own success message (the seed's "发送成功", "退出成功"…). */
export class Reply<T = unknown> {
  constructor(
    readonly msg: string,
    readonly data?: T,
  ) {}
}

/** A JsonText goes out as its text (a cached list): the answer's `data` without another serialisation. */
export type HandlerResult<R> = R | Reply<R> | JsonText<R> | undefined | void;

export interface MethodDefinition<P = Record<string, unknown>, R = unknown> {
  /** Dotted name, e.g. `system.request.token`. */
  name: string;
  /** Other names the same implementation answers to (e.g. `app.upgrade`). */
  aliases?: string[];
  namespaces: readonly ApiType[];
  /** Lowest `v` this implementation serves (X.Y.Z); a client asking a higher `v` gets the highest one ≤ it. */
  since: string;
  user: UserRequirement;
  /** State-changing: the replay guard (step 12) applies. */
  writes: boolean;
  summary: string;
  /**
   * A larger body than `http.bodyLimitBytes` this method accepts (protocol §1: base64 uploads inside `data`,
   * 1.5 MiB). The transport reads up to the largest any method declares; the pipeline holds each call to its
   * own method's limit (HTTP 413 otherwise).
   */
  bodyLimitBytes?: number;
  /** Validates the whole `data` object; unknown keys are dropped, known ones converted (e.g. "5" → 5). */
  schema: Joi.ObjectSchema<P>;
  handler(params: P, call: CallContext, app: AppContext): Promise<HandlerResult<R>>;
}

const METHOD_BRAND = Symbol.for('yaf.method');

/**
 * How every method's schema validates `data` (protocol §2, step 17): unknown keys (the fixed parameters,
 * a newer client's extras) are dropped, known ones converted ("5" → 5); the first failure is reported.
 */
export const VALIDATION_PREFS: Joi.ValidationOptions = {
  abortEarly: true,
  allowUnknown: true,
  stripUnknown: true,
  convert: true,
  errors: { wrap: { label: '"' } },
};

/** Declares a method; the registry finds every value made by this in app/methods. */
export function defineMethod<P, R = unknown>(definition: MethodDefinition<P, R>): MethodDefinition<P, R> {
  // Preferences compiled into the schema once, instead of merged into every validation.
  return Object.assign(definition, { schema: definition.schema.prefs(VALIDATION_PREFS), [METHOD_BRAND]: true });
}

export function isMethodDefinition(value: unknown): value is MethodDefinition {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[METHOD_BRAND] === true;
}
