/**
 * The answer codes of protocol §4, in one place. Business code throws `ApiError`; the transport turns
 * it (and anything else) into `{code, msg}` in exactly one spot (`protocol/answer.ts`).
 */
export const Code = {
  OK: 200,
  APPID_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  SERVER_ERROR: 500,
  /** A body over the limit: also the HTTP status (protocol §1), never 200. */
  BODY_TOO_LARGE: 413,
  BUSINESS: 503,
  BAD_DATA: 504,
  BAD_VERSION: 505,
  NO_APPID: 506,
  NO_TIMESTAMP: 507,
  IP_NOT_ALLOWED: 508,
  NO_METHOD: 509,
  IP_BANNED: 510,
  LOGIN_TIMEOUT: 601,
  NOT_LOGGED_IN: 602,
  LOGGED_IN_ELSEWHERE: 603,
  ALREADY_REGISTERED: 604,
  NOT_REGISTERED: 605,
  PASSWORD_CHANGED: 606,
  LOGIN_LOCKED: 607,
  SMS_CODE_WRONG: 700,
} as const;

export type CodeValue = (typeof Code)[keyof typeof Code];

/**
 * An expected refusal: its code and message go to the client as they are, so the message must be safe.
 * It carries no stack trace: refusals are answers, not faults, and capturing one through the async
 * pipeline costs more than the rest of a rejected call.
 */
export class ApiError extends Error {
  readonly code: CodeValue;

  constructor(code: CodeValue, message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.name = 'ApiError';
  }
}

/** Shorthand for the common business refusal (503). */
export function refuse(message: string): ApiError {
  return new ApiError(Code.BUSINESS, message);
}
