import Joi from 'joi';
import { ApiError, Code, type CodeValue } from '../core/errors';

export interface Answer {
  code: CodeValue;
  msg: string;
  data?: unknown;
}

export function success(data: unknown, msg = 'success'): Answer {
  if (data === undefined || data === null) return { code: Code.OK, msg };
  // Protocol §4: data is always an object; a bare list would be a method bug, so it fails loudly.
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('a method answered a non-object data');
  return { code: Code.OK, msg, data };
}

/** The one place where a thrown value becomes an answer. `unexpected` says whether to log it as a fault. */
export function failure(err: unknown, requestId: string): { answer: Answer; unexpected: boolean } {
  if (err instanceof ApiError) return { answer: { code: err.code, msg: err.message }, unexpected: false };
  if (err instanceof Joi.ValidationError) return { answer: { code: Code.BUSINESS, msg: validationMessage(err) }, unexpected: false };
  return { answer: { code: Code.SERVER_ERROR, msg: `server error (request ${requestId})` }, unexpected: true };
}

/** joi's first failure, e.g. `"number" must be less than or equal to 5`: names the field and the rule. */
export function validationMessage(err: Joi.ValidationError): string {
  const detail = err.details[0];
  return detail ? detail.message.replace(/\s+/g, ' ') : 'invalid parameters';
}
