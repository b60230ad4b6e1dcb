import crypto from 'node:crypto';

const HEX32 = /^[0-9a-fA-F]{32}$/;

/** Uppercase hex MD5 of `data` (UTF-8) followed by the secret: the protocol's `sign`. */
export function signData(data: string, secret: string): string {
  return crypto.hash('md5', data + secret, 'hex').toUpperCase();
}

/**
 * Whether `sign` matches `data` under any of the secrets. The 16 digest bytes are compared in constant
 * time (hex case therefore never matters); every secret is tried even after a match, so timing says
 * nothing about which one.
 */
export function verifySignature(data: string, sign: unknown, secrets: readonly string[]): boolean {
  if (typeof sign !== 'string' || !HEX32.test(sign)) return false;
  const given = Buffer.from(sign, 'hex');
  let ok = false;
  for (const secret of secrets) {
    if (crypto.timingSafeEqual(given, crypto.hash('md5', data + secret, 'buffer'))) ok = true;
  }
  return ok;
}
