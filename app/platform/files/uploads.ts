import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../context';
import { unixSeconds } from '../../core/clock';
import { refuse } from '../../core/errors';
import { shanghaiDay } from '../../core/time';
import type { UploadedFile } from '../../core/caller';
import { insertId, transaction } from '../../storage/db';

export const OwnerType = { ADMIN: 1, USER: 2 } as const;
export type OwnerTypeValue = (typeof OwnerType)[keyof typeof OwnerType];

export interface ImageKind {
  ext: 'jpg' | 'png' | 'gif' | 'webp';
  mime: string;
}

/** The seed's answer to `system.upload`: `file_id` is a string there. */
export interface UploadAnswer {
  file_id: string;
  image_url: string;
  relative_image_url: string;
}

export interface ServableFile {
  absolutePath: string;
  mime: string;
  size: number;
}

const ascii = (bytes: Buffer, start: number, end: number): string => bytes.subarray(start, end).toString('latin1');

/**
 * What the bytes are, from their magic numbers only: the name and the declared type come from the
 * client and are never believed. Anything else (SVG, HTML, a renamed text file) is not an image here.
 */
export function sniffImage(bytes: Buffer): ImageKind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { ext: 'jpg', mime: 'image/jpeg' };
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return { ext: 'png', mime: 'image/png' };
  }
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return { ext: 'gif', mime: 'image/gif' };
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { ext: 'webp', mime: 'image/webp' };
  return null;
}

/** `images/20261121/ab12….png`: a relative path below the uploads directory, or null if it leaves it. */
export function safeRelativePath(requested: string): string | null {
  if (!requested || requested.includes('\0') || requested.includes('\\')) return null;
  const normalised = path.posix.normalize(requested);
  if (normalised.startsWith('/') || normalised === '.' || normalised === '..' || normalised.startsWith('../')) return null;
  return normalised;
}

/** Images uploaded by users (app) and staff (admin): sniffed, stored by day under a random name, recorded in `files`. */
export class UploadService {
  private readonly root: string;

  constructor(private readonly app: AppContext) {
    this.root = path.resolve(app.config.uploads.dir);
  }

  /** Stores the `image` part of a call for its owner. A refused or failed upload leaves no file behind. */
  async storeImage(files: UploadedFile[], owner: { type: OwnerTypeValue; id: number }): Promise<UploadAnswer> {
    const file = files.find((f) => f.field === 'image');
    if (!file) throw refuse('no file: send the image as the multipart part "image"');
    if (file.size > this.app.config.http.uploadLimitBytes) throw refuse('the file is too large');
    const bytes = await fs.promises.readFile(file.path);
    const kind = sniffImage(bytes);
    if (!kind) throw refuse('the file is not a JPEG, PNG, GIF or WebP image');

    const now = unixSeconds(this.app.clock);
    const relative = `images/${shanghaiDay(this.app.clock.now())}/${crypto.randomBytes(16).toString('hex')}.${kind.ext}`;
    const target = this.absolute(relative);
    // Written beside the target under a name nothing serves, renamed into place only once the row exists.
    const partial = `${target}.${crypto.randomBytes(6).toString('hex')}.part`;
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    try {
      await fs.promises.writeFile(partial, bytes, { flag: 'wx' });
      const fileId = await transaction(this.app.db, async (trx) => {
        const id = await insertId(
          trx('files').insert({
            owner_type: owner.type,
            owner_id: owner.id,
            path: relative,
            mime: kind.mime,
            size: bytes.length,
            sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
            status: 1,
            c_time: now,
            u_time: now,
          }),
        );
        await fs.promises.rename(partial, target);
        return id;
      });
      return { file_id: String(fileId), ...this.urlsOf(relative) };
    } catch (err) {
      await Promise.all([partial, target].map((p) => fs.promises.rm(p, { force: true })));
      throw err;
    }
  }

  urlsOf(relative: string): Omit<UploadAnswer, 'file_id'> {
    const relativeUrl = `/files/${relative}`;
    return { image_url: `${this.app.config.uploads.baseUrl.replace(/\/+$/, '')}${relativeUrl}`, relative_image_url: relativeUrl };
  }

  /** A live recorded file at `requested` (relative, URL-decoded), or null: nothing outside the table or the directory. */
  async servable(requested: string): Promise<ServableFile | null> {
    const relative = safeRelativePath(requested);
    if (!relative) return null;
    const absolutePath = this.absolute(relative);
    if (!absolutePath.startsWith(`${this.root}${path.sep}`)) return null;
    const row = await this.app.db('files').where({ path: relative, status: 1 }).first<{ mime: string } | undefined>('mime');
    if (!row) return null;
    const stat = await fs.promises.stat(absolutePath).catch(() => null);
    if (!stat?.isFile()) return null;
    return { absolutePath, mime: row.mime, size: stat.size };
  }

  private absolute(relative: string): string {
    return path.resolve(this.root, relative);
  }
}

export const uploadService = (app: AppContext) => new UploadService(app);
