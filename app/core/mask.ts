/** Field names whose values never reach a log line in clear (matched case-insensitively, at any depth). */
const SENSITIVE = /^(password|old_pwd|new_pwd|pwd|token|request_token|mobile|code|sms_code|secret|sign|realname|device_token)$/i;

export function maskValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  if (text.length <= 4) return '***';
  return `${text.slice(0, 2)}***${text.slice(-2)}`;
}

/** A copy of `value` with every sensitive field's value masked; safe to log. */
export function maskSensitive(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskSensitive(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SENSITIVE.test(key) && inner !== '' && inner !== null ? maskValue(inner) : maskSensitive(inner, depth + 1);
  }
  return out;
}
