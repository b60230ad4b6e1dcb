/** Values never shown at all: credentials and one-time secrets. */
const SECRET = /^(password|old_pwd|new_pwd|pwd|token|request_token|code|sms_code|secret|sign)$/i;
/** Identifiers shown with a hint for support (`13***00`), never whole. */
const PERSONAL = /^(mobile|realname|device_token|open_id)$/i;

/** Keeps the first and last two characters of a personal value: enough to recognise, not to use. */
export function maskValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  if (text.length <= 6) return '***';
  return `${text.slice(0, 2)}***${text.slice(-2)}`;
}

/** A copy of `value` fit for a log line: secrets replaced by `***`, personal fields masked, at any depth. */
export function maskSensitive(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskSensitive(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === '' || inner === null || inner === undefined) out[key] = inner;
    else if (SECRET.test(key)) out[key] = '***';
    else if (PERSONAL.test(key)) out[key] = maskValue(inner);
    else out[key] = maskSensitive(inner, depth + 1);
  }
  return out;
}
