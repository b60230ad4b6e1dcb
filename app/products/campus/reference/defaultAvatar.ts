import type { AppContext } from '../../../context';
import { OwnerType, uploadService } from '../../../platform/files/uploads';
import { encodePng } from '../../../platform/verify/captcha/png';
import { DEFAULT_AVATAR_NAME } from '../services/pictures';

/** A 64 × 64 grey silhouette: the avatar portrait.get answers for a user without one. */
function silhouette(): Buffer {
  const size = 64;
  const rgb = new Uint8Array(size * size * 3).fill(225);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const head = (x - 32) ** 2 + (y - 24) ** 2 <= 12 ** 2;
      const body = (x - 32) ** 2 / 22 ** 2 + (y - 64) ** 2 / 22 ** 2 <= 1;
      if (head || body) rgb.fill(160, (y * size + x) * 3, (y * size + x) * 3 + 3);
    }
  }
  return encodePng(size, size, rgb);
}

/** Reference data: installed on every start, once (the named file exists afterwards). */
export async function install(app: AppContext): Promise<void> {
  const files = app.use(uploadService);
  if (await files.named('avatar', DEFAULT_AVATAR_NAME)) return;
  try {
    await files.storeBase64(silhouette().toString('base64'), { type: OwnerType.ADMIN, id: 0 }, { category: 'avatar', name: DEFAULT_AVATAR_NAME });
  } catch (err) {
    // Another process starting at the same moment stored it first.
    if (!(await files.named('avatar', DEFAULT_AVATAR_NAME))) throw err;
  }
}
