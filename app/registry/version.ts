const VERSION = /^(\d{1,4})\.(\d{1,4})\.(\d{1,4})$/;

export function isVersion(text: unknown): text is string {
  return typeof text === 'string' && VERSION.test(text);
}

/** X.Y.Z → one comparable number (each part < 10000). */
export function versionRank(text: string): number {
  const m = VERSION.exec(text);
  if (!m) throw new Error(`not a version: ${text}`);
  return Number(m[1]) * 1e8 + Number(m[2]) * 1e4 + Number(m[3]);
}

export function compareVersions(a: string, b: string): number {
  return versionRank(a) - versionRank(b);
}
