import fs from 'node:fs';
import type { GetRoute } from './http';
import { uploadService } from '../platform/files/uploads';

const PREFIX = '/files';

function notFound(ctx: Parameters<GetRoute['handle']>[0]): void {
  ctx.status = 404;
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = JSON.stringify({ code: 404, msg: 'not found' });
}

function decodedPath(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * `GET /files/<path>`: the only way uploaded bytes leave the server. Only rows of `files` that are live
 * are served, under the type recorded at upload (never guessed from the name), and browsers are told
 * not to sniff, so an upload can never become a page of this origin.
 */
export const filesRoute: GetRoute = {
  prefix: PREFIX,
  async handle(ctx, app) {
    const requested = decodedPath(ctx.path.slice(PREFIX.length + 1));
    const file = requested === null ? null : await app.use(uploadService).servable(requested);
    if (!file) {
      notFound(ctx);
      return;
    }
    ctx.status = 200;
    ctx.set('Content-Type', file.mime);
    ctx.set('Content-Length', String(file.size));
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
    // Names are random and never reused, so a copy can be kept for good.
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    ctx.body = fs.createReadStream(file.absolutePath);
  },
};
