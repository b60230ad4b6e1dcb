import crypto from 'node:crypto';
import type { AppContext } from '../../../context';
import type { FileCategory } from '../../../platform/files/categories';
import { decodeBase64, OwnerType, uploadService } from '../../../platform/files/uploads';
import { userDirectory } from '../../../platform/identity/users';
import { encodePng } from '../../../platform/verify/captcha/png';
import { campusRefusals } from '../errors';

/** Campus pictures are at most 1024 KB decoded. */
export const PICTURE_MAX_BYTES = 1024 * 1024;
/** A base64 picture inside `data`: 4/3 of the bytes plus the JSON around it. */
export const PICTURE_BODY_LIMIT_BYTES = Math.ceil((PICTURE_MAX_BYTES * 4) / 3) + 64 * 1024;

/** pic.upload `from` → the file category it is stored under. */
export const PICTURE_SOURCES = { property: 'property', shop: 'shop', product: 'product', portrait: 'avatar' } as const satisfies Record<string, FileCategory>;
export type PictureSource = keyof typeof PICTURE_SOURCES;

/** The default avatar's file name: made on the first portrait.get that needs it. */
export const DEFAULT_AVATAR_NAME = 'campus_default_avatar';

/** A 64 × 64 grey silhouette. */
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

const avatarName = (userId: number) => `campus_user_${userId}`;
const md5 = (bytes: Buffer) => crypto.createHash('md5').update(bytes).digest('hex');

/** Pictures and avatars of the campus product, kept by the shared file service under names. */
export class PictureService {
  constructor(private readonly app: AppContext) {}

  /**
   * pic.upload: stored under `name`, by default the MD5 of the bytes. Without a name of one's own, the
   * same bytes uploaded before by someone else are that file, so its URL is the answer.
   */
  async upload(userId: number, from: PictureSource, base64: string, name?: string): Promise<{ url: string }> {
    const category = PICTURE_SOURCES[from];
    const files = this.app.use(uploadService);
    const chosen = name ?? md5(decodeBase64(base64, PICTURE_MAX_BYTES));
    if (name === undefined) {
      const existing = await files.named(category, chosen);
      if (existing && !(existing.owner.type === OwnerType.USER && existing.owner.id === userId)) return { url: existing.url };
    }
    const stored = await files.storeBase64(base64, { type: OwnerType.USER, id: userId }, { category, name: chosen, maxBytes: PICTURE_MAX_BYTES });
    return { url: stored.image_url };
  }

  async get(from: PictureSource, name: string): Promise<{ url: string }> {
    const found = await this.app.use(uploadService).named(PICTURE_SOURCES[from], name);
    if (!found) throw campusRefusals.pictureNotFound();
    return { url: found.url };
  }

  /** portrait.upload: the caller's avatar file (one per user, replaced in place) and users.headimg. */
  async uploadPortrait(userId: number, base64: string, declaredType: string): Promise<{ url: string }> {
    const stored = await this.app.use(uploadService).storeBase64(base64, { type: OwnerType.USER, id: userId }, { category: 'avatar', name: avatarName(userId), maxBytes: PICTURE_MAX_BYTES, declaredType });
    await this.app.use(userDirectory).updateProfile(userId, { headimg: stored.image_url });
    return { url: stored.image_url };
  }

  /** portrait.get: the user's avatar, or the default one for a user without (or unknown). */
  async portrait(userId: number): Promise<{ url: string }> {
    const user = await this.app.use(userDirectory).byId(userId);
    if (user?.headimg) return { url: user.headimg };
    return { url: await this.defaultAvatar() };
  }

  private async defaultAvatar(): Promise<string> {
    const files = this.app.use(uploadService);
    const existing = await files.named('avatar', DEFAULT_AVATAR_NAME);
    if (existing) return existing.url;
    try {
      return (await files.storeBase64(silhouette().toString('base64'), { type: OwnerType.ADMIN, id: 0 }, { category: 'avatar', name: DEFAULT_AVATAR_NAME })).image_url;
    } catch (err) {
      // A parallel first call stored it a moment ago.
      const stored = await files.named('avatar', DEFAULT_AVATAR_NAME);
      if (stored) return stored.url;
      throw err;
    }
  }
}

export const pictureService = (app: AppContext): PictureService => new PictureService(app);
