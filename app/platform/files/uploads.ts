import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../context';
import { unixSeconds } from '../../core/clock';
import { refuse } from '../../core/errors';
import { shanghaiDay } from '../../core/time';
import type { UploadedFile } from '../../core/caller';
import { insertId, isUniqueViolation, transaction, type Knex } from '../../storage/db';
import { isFileCategory, type FileCategory } from './categories';

export const OwnerType = { ADMIN: 1, USER: 2 } as const;
export type OwnerTypeValue = (typeof OwnerType)[keyof typeof OwnerType];

export interface FileOwner {
  type: OwnerTypeValue;
  id: number;
}

/** `files.status`: a reservation waits for its bytes; an expired one is never filled. */
export const FileStatus = { RESERVED: 0, LIVE: 1, DELETED: 2, EXPIRED: 3 } as const;

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

/** A live file found by the resolver. */
export interface ResolvedFile {
  file_id: number;
  url: string;
  relative_url: string;
}

export interface ServableFile {
  absolutePath: string;
  mime: string;
  size: number;
}

export interface StoreOptions {
  /** What the file is for (default `general`); a reservation being filled keeps its own. */
  category?: FileCategory;
  /** A name unique within the category: the owner storing it again replaces the bytes under the same id. */
  name?: string;
  /** A reserved id (`reserve`) this upload fills, once. */
  reservedId?: number | string;
  /** A limit below the configured upload limit (campus pictures: 1024 KB). */
  maxBytes?: number;
  /** The type the client claims (`image/png`, `png`, `jpeg`…): refused unless the bytes are that. */
  declaredType?: string;
}

export interface ResolveOptions {
  /** Names the parameter in a refusal (`images[2]: image not found`). */
  label?: string;
  /** Only this owner's files (503 "not yours" otherwise). */
  owner?: FileOwner;
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

const DATA_URL_PREFIX = /^data:[\w.+-]+\/[\w.+-]+;base64,/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The bytes of a base64 string (standard alphabet, padded; a `data:…;base64,` prefix and line breaks
 * allowed), refused as too large by its length before anything is decoded.
 */
export function decodeBase64(text: unknown, maxBytes: number): Buffer {
  if (typeof text !== 'string') throw refuse('the file is not valid base64');
  const clean = text.replace(DATA_URL_PREFIX, '').replace(/[\r\n\t ]+/g, '');
  if (clean === '') throw refuse('no file: the base64 string is empty');
  if (clean.length % 4 !== 0 || !BASE64.test(clean)) throw refuse('the file is not valid base64');
  const decodedLength = (clean.length / 4) * 3 - (clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0);
  if (decodedLength > maxBytes) throw tooLarge(maxBytes);
  return Buffer.from(clean, 'base64');
}

function tooLarge(maxBytes: number): Error {
  return refuse(`the file is too large (at most ${Math.floor(maxBytes / 1024)} KB)`);
}

/** `image/jpeg`, `jpg`, `JPEG` … as one of the sniffed extensions, or null for anything else. */
function declaredExtension(declared: string): string | null {
  const word = declared.trim().toLowerCase().replace(/^image\//, '').replace(/^\./, '');
  const ext = word === 'jpeg' ? 'jpg' : word;
  return ['jpg', 'png', 'gif', 'webp'].includes(ext) ? ext : null;
}

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

interface FileRow {
  file_id: number;
  owner_type: number;
  owner_id: number;
  path: string | null;
}

/**
 * Images of every product, uploaded by users and staff as multipart parts or base64 strings: sniffed,
 * stored by day under a random name, recorded in `files` with a category. Ids can be reserved before the
 * bytes exist, and `resolve` turns "a file id or a URL of ours" into the file's absolute URL.
 */
export class UploadService {
  private readonly root: string;

  constructor(private readonly app: AppContext) {
    this.root = path.resolve(app.config.uploads.dir);
  }

  /** Stores the `image` part of a call for its owner. A refused or failed upload leaves no file behind. */
  async storeImage(files: UploadedFile[], owner: FileOwner, options: StoreOptions = {}): Promise<UploadAnswer> {
    const file = files.find((f) => f.field === 'image');
    if (!file) throw refuse('no file: send the image as the multipart part "image"');
    const maxBytes = this.limitOf(options);
    if (file.size > maxBytes) throw tooLarge(maxBytes);
    return this.store(await fs.promises.readFile(file.path), owner, options);
  }

  /** Stores an image sent as a base64 string (campus `portrait.upload`, `pic.upload`), by the same rules. */
  async storeBase64(text: unknown, owner: FileOwner, options: StoreOptions = {}): Promise<UploadAnswer> {
    return this.store(decodeBase64(text, this.limitOf(options)), owner, options);
  }

  /**
   * A file id handed out before its bytes (show `get.media.id`): an upload naming it fills it once; one
   * not filled within `uploads.reservationTtlSec` expires (job `platform.files.expire`).
   */
  async reserve(owner: FileOwner, category: FileCategory = 'general'): Promise<number> {
    this.checkCategory(category);
    const now = unixSeconds(this.app.clock);
    const { maxPendingReservations } = this.app.config.uploads;
    const [{ pending }] = (await this.pendingReservations(now).where({ owner_type: owner.type, owner_id: owner.id }).count({ pending: '*' })) as Array<{ pending: number | string }>;
    if (Number(pending) >= maxPendingReservations) throw refuse(`too many pending media ids (at most ${maxPendingReservations}): upload with them or wait an hour`);
    return insertId(
      this.app.db('files').insert({
        owner_type: owner.type,
        owner_id: owner.id,
        category,
        path: null,
        mime: '',
        size: 0,
        sha256: '',
        status: FileStatus.RESERVED,
        c_time: now,
        u_time: now,
      }),
    );
  }

  /** Marks reservations older than the TTL expired; answers how many. */
  async expireReservations(): Promise<number> {
    const now = unixSeconds(this.app.clock);
    return this.app.db('files')
      .where({ status: FileStatus.RESERVED })
      .andWhere('c_time', '<=', now - this.app.config.uploads.reservationTtlSec)
      .update({ status: FileStatus.EXPIRED, u_time: now });
  }

  /**
   * "A file id or a URL of ours" → the live file and its absolute URL. Products call this on every
   * image parameter, so an answer never carries a foreign or dangling URL. Refusals name `label`.
   */
  async resolve(ref: unknown, options: ResolveOptions = {}): Promise<ResolvedFile> {
    const label = options.label ?? 'image';
    const where = this.refWhere(ref);
    if (!where) throw refuse(`${label}: give a file id or a URL of this server's files`);
    const row = (await this.app.db('files').where({ ...where, status: FileStatus.LIVE }).first('file_id', 'owner_type', 'owner_id', 'path')) as FileRow | undefined;
    if (!row?.path) throw refuse(`${label}: image not found`);
    if (options.owner && (row.owner_type !== options.owner.type || row.owner_id !== options.owner.id)) throw refuse(`${label}: image not yours`);
    const urls = this.urlsOf(row.path);
    return { file_id: row.file_id, url: urls.image_url, relative_url: urls.relative_image_url };
  }

  /** The live file stored under `name` in `category` (campus pic.get), or null. */
  async named(category: FileCategory, name: string): Promise<(ResolvedFile & { owner: FileOwner }) | null> {
    if (!NAME.test(name)) return null;
    const row = (await this.app.db('files').where({ category, name, status: FileStatus.LIVE }).first('file_id', 'owner_type', 'owner_id', 'path')) as FileRow | undefined;
    if (!row?.path) return null;
    const urls = this.urlsOf(row.path);
    return { file_id: row.file_id, url: urls.image_url, relative_url: urls.relative_image_url, owner: { type: row.owner_type as OwnerTypeValue, id: row.owner_id } };
  }

  /** `resolve` for a list (article images): absolute URLs in the given order. */
  async resolveUrls(refs: readonly unknown[], options: ResolveOptions = {}): Promise<string[]> {
    const label = options.label ?? 'images';
    const urls: string[] = [];
    for (const [i, ref] of refs.entries()) urls.push((await this.resolve(ref, { ...options, label: `${label}[${i}]` })).url);
    return urls;
  }

  urlsOf(relative: string): Omit<UploadAnswer, 'file_id'> {
    const relativeUrl = `/files/${relative}`;
    return { image_url: `${this.baseUrl()}${relativeUrl}`, relative_image_url: relativeUrl };
  }

  /** A live recorded file at `requested` (relative, URL-decoded), or null: nothing outside the table or the directory. */
  async servable(requested: string): Promise<ServableFile | null> {
    const relative = safeRelativePath(requested);
    if (!relative) return null;
    const absolutePath = this.absolute(relative);
    if (!absolutePath.startsWith(`${this.root}${path.sep}`)) return null;
    const row = await this.app.db('files').where({ path: relative, status: FileStatus.LIVE }).first<{ mime: string } | undefined>('mime');
    if (!row) return null;
    const stat = await fs.promises.stat(absolutePath).catch(() => null);
    if (!stat?.isFile()) return null;
    return { absolutePath, mime: row.mime, size: stat.size };
  }

  private async store(bytes: Buffer, owner: FileOwner, options: StoreOptions): Promise<UploadAnswer> {
    const maxBytes = this.limitOf(options);
    if (bytes.length > maxBytes) throw tooLarge(maxBytes);
    const kind = sniffImage(bytes);
    if (!kind) throw refuse('the file is not a JPEG, PNG, GIF or WebP image');
    if (options.declaredType !== undefined && declaredExtension(options.declaredType) !== kind.ext) {
      throw refuse(`the declared type does not match the file content (${kind.mime})`);
    }
    const category = options.category ?? 'general';
    this.checkCategory(category);
    if (options.name !== undefined && !NAME.test(options.name)) throw refuse('the file name must be 1–64 letters, digits, "_" or "-"');
    if (options.name !== undefined && options.reservedId !== undefined) throw new Error('a named upload cannot fill a reserved id');

    const now = unixSeconds(this.app.clock);
    const relative = `images/${shanghaiDay(this.app.clock.now())}/${crypto.randomBytes(16).toString('hex')}.${kind.ext}`;
    const content = { path: relative, mime: kind.mime, size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), status: FileStatus.LIVE, u_time: now };
    const target = this.absolute(relative);
    // Written beside the target under a name nothing serves, renamed into place only once the row exists.
    const partial = `${target}.${crypto.randomBytes(6).toString('hex')}.part`;
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    let replaced: string | null = null;
    try {
      await fs.promises.writeFile(partial, bytes, { flag: 'wx' });
      const fileId = await transaction(this.app.db, async (trx) => {
        let id: number;
        if (options.reservedId !== undefined) id = await this.fillReservation(trx, options.reservedId, owner, content, now);
        else if (options.name !== undefined) ({ id, replaced } = await this.storeNamed(trx, category, options.name, owner, content, now));
        else id = await insertId(trx('files').insert({ owner_type: owner.type, owner_id: owner.id, category, ...content, c_time: now }));
        await fs.promises.rename(partial, target);
        return id;
      });
      // The old bytes of a replaced name: their row now points at the new file, so nothing serves them.
      if (replaced) await fs.promises.rm(this.absolute(replaced), { force: true });
      return { file_id: String(fileId), ...this.urlsOf(relative) };
    } catch (err) {
      await Promise.all([partial, target].map((p) => fs.promises.rm(p, { force: true })));
      throw err;
    }
  }

  /** Fills a live reservation of this owner; the conditional update makes a second fill find nothing. */
  private async fillReservation(trx: Knex.Transaction, reservedId: number | string, owner: FileOwner, content: Record<string, unknown>, now: number): Promise<number> {
    const id = Number(reservedId);
    const filled = Number.isSafeInteger(id) && id > 0
      ? await this.pendingReservations(now, trx).where({ file_id: id, owner_type: owner.type, owner_id: owner.id }).update(content)
      : 0;
    if (filled !== 1) throw refuse('the media id is unknown, already used or expired');
    return id;
  }

  private async storeNamed(
    trx: Knex.Transaction,
    category: FileCategory,
    name: string,
    owner: FileOwner,
    content: Record<string, unknown>,
    now: number,
  ): Promise<{ id: number; replaced: string | null }> {
    const taken = () => refuse('the file name is taken by another user');
    const existing = (await trx('files').where({ category, name }).first('file_id', 'owner_type', 'owner_id', 'path')) as FileRow | undefined;
    if (existing) {
      if (existing.owner_type !== owner.type || existing.owner_id !== owner.id) throw taken();
      await trx('files').where({ file_id: existing.file_id }).update(content);
      return { id: existing.file_id, replaced: existing.path };
    }
    try {
      return { id: await insertId(trx('files').insert({ owner_type: owner.type, owner_id: owner.id, category, name, ...content, c_time: now })), replaced: null };
    } catch (err) {
      if (isUniqueViolation(err)) throw taken(); // a parallel upload took the name first
      throw err;
    }
  }

  private pendingReservations(now: number, db: Knex = this.app.db) {
    return db('files').where({ status: FileStatus.RESERVED }).andWhere('c_time', '>', now - this.app.config.uploads.reservationTtlSec);
  }

  /** The row a reference points at: `{file_id}` for an id, `{path}` for a URL of ours, null for anything else. */
  private refWhere(ref: unknown): { file_id: number } | { path: string } | null {
    if (typeof ref === 'number') return Number.isSafeInteger(ref) && ref > 0 ? { file_id: ref } : null;
    if (typeof ref !== 'string') return null;
    const text = ref.trim();
    if (/^\d{1,15}$/.test(text)) return Number(text) > 0 ? { file_id: Number(text) } : null;
    const relative = this.relativeOfOurUrl(text);
    return relative ? { path: relative } : null;
  }

  /** The path below /files/ of `/files/…` or `<baseUrl>/files/…` (no query, no fragment); null for any other URL. */
  private relativeOfOurUrl(text: string): string | null {
    let pathname: string;
    if (text.startsWith('/files/')) {
      if (/[?#]/.test(text)) return null;
      pathname = text.slice('/files/'.length);
    } else {
      const base = new URL(`${this.baseUrl()}/files/`);
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        return null;
      }
      if (url.origin !== base.origin || url.search || url.hash || !url.pathname.startsWith(base.pathname)) return null;
      pathname = url.pathname.slice(base.pathname.length);
    }
    try {
      return safeRelativePath(decodeURIComponent(pathname));
    } catch {
      return null;
    }
  }

  private baseUrl(): string {
    return this.app.config.uploads.baseUrl.replace(/\/+$/, '');
  }

  private limitOf(options: StoreOptions): number {
    return Math.min(options.maxBytes ?? Infinity, this.app.config.http.uploadLimitBytes);
  }

  private checkCategory(category: string): void {
    // A programming error, not a client's: products pass their own constant.
    if (!isFileCategory(category)) throw new Error(`unknown file category "${category}"`);
  }

  private absolute(relative: string): string {
    return path.resolve(this.root, relative);
  }
}

export const uploadService = (app: AppContext) => new UploadService(app);
