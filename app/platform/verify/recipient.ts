import { refuse } from '../../core/errors';

export type Channel = 'sms' | 'email';
export const CHANNELS: readonly Channel[] = ['sms', 'email'];

export const MAINLAND_AREA = '86';
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const OTHER_MOBILE = /^\d{5,15}$/;
const AREA = /^\d{1,4}$/;
// What the method's own rule already checked, re-checked cheaply: the address keys rows and counters.
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;
export const MAX_EMAIL_LENGTH = 100;

/** Where a code goes: a mobile (area code `86` when left out) or an e-mail address. */
export type Recipient = { channel: 'sms'; mobile: string; area?: string } | { channel: 'email'; email: string };

/**
 * The one string a recipient is known by in code rows, counters, the send log and the blacklist: a
 * mainland number as it always was, `+<area><number>` elsewhere, an e-mail address in lower case.
 */
export function recipientAddress(recipient: Recipient): string {
  if (recipient.channel === 'email') {
    const email = recipient.email.trim().toLowerCase();
    if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) throw refuse('邮箱格式不正确');
    return email;
  }
  const area = recipient.area ?? MAINLAND_AREA;
  if (!AREA.test(area)) throw refuse('国际区号格式不正确');
  if (area === MAINLAND_AREA) {
    if (!MAINLAND_MOBILE.test(recipient.mobile)) throw refuse('手机号格式不正确');
    return recipient.mobile;
  }
  if (!OTHER_MOBILE.test(recipient.mobile)) throw refuse('手机号格式不正确');
  return `+${area}${recipient.mobile}`;
}
