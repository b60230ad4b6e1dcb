import crypto from 'node:crypto';

const HEX32 = /^[0-9a-fA-F]{32}$/;

/** Uppercase hex MD5 of `data` (UTF-8) followed by the secret: the protocol's `sign`. */
export function signData(data: string, secret: string): string {
  return crypto.createHash('md5').update(data, 'utf8').update(secret, 'utf8').digest('hex').toUpperCase();
}

/**
 * Whether `sign` matches `data` under any of the secrets. Compared in constant time over equal-length
 * buffers; every secret is tried even after a match, so timing says nothing about which one.
 */
export function verifySignature(data: string, sign: unknown, secrets: readonly string[]): boolean {
  if (typeof sign !== 'string' || !HEX32.test(sign)) return false;
  const given = Buffer.from(sign.toUpperCase(), 'latin1');
  let ok = false;
  for (const secret of secrets) {
    if (crypto.timingSafeEqual(given, Buffer.from(signData(data, secret), 'latin1'))) ok = true;
  }
  return ok;
}
