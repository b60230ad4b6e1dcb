import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import Koa from 'koa';
import { koaBody } from 'koa-body';
import type { AppContext } from '../context';
import { callLogWriter, type CallLine } from '../core/callLog';
import { clientIp } from '../core/ip';
import { Code } from '../core/errors';
import { JsonText } from '../core/jsonText';
import { failure, type Answer } from '../protocol/answer';
import { ProtocolPipeline, type CallFacts } from '../protocol/pipeline';
import type { UploadedFile } from '../registry/method';
import type { MethodRegistry } from '../registry/registry';
import { appAuthService } from '../platform/gateway/appAuth';
import { isMultipart, readProtocolFields, type ProtocolFields } from './body';
import { allowOrigin, answerPreflight, isPreflight, requestOrigin } from './cors';
import { probeStores } from './health';

/** A GET route besides the API: `/health`, and `/files/...` once uploads exist. */
export interface GetRoute {
  prefix: string;
  handle(ctx: Koa.Context, app: AppContext): Promise<void>;
}

const REQUEST_ID = /^[\w.-]{8,64}$/;
/** Parts of a multipart body besides its files; past this the body is refused 413 (README "Limits"). */
export const MAX_MULTIPART_FIELDS = 1000;
const JSON_TYPE = 'application/json; charset=utf-8';

function httpStatusOf(err: unknown): number | undefined {
  const e = err as { status?: number; statusCode?: number; httpCode?: number };
  return e?.status ?? e?.statusCode ?? e?.httpCode;
}

/**
 * Writes a JSON answer straight to the Node response (koa's `ctx.respond = false`): every call ends
 * here, and koa's body/type setters (mime lookup, stream checks) cost more than the rest of a refusal.
 */
/** `/` or `/?…`: read from the raw URL, so API calls skip koa's URL parsing. */
function isApiPath(url: string | undefined): boolean {
  return url === '/' || (url !== undefined && url.startsWith('/?'));
}

/** The path of a raw request URL, without its query (for the log line). */
function pathOf(url: string | undefined): string {
  if (!url) return '';
  const query = url.indexOf('?');
  return (query === -1 ? url : url.slice(0, query)).slice(0, 200);
}

/** The answer's text; a `data` already in JSON text (a cached list) is spliced in as it is. */
function answerText(body: Answer | Record<string, unknown>): string {
  if (!(body.data instanceof JsonText)) return JSON.stringify(body);
  return `{"code":${JSON.stringify(body.code)},"msg":${JSON.stringify(body.msg)},"data":${body.data.text}}`;
}

function sendJson(ctx: Koa.Context, status: number, body: Answer | Record<string, unknown>): void {
  const text = answerText(body);
  const res = ctx.res;
  ctx.respond = false;
  res.statusCode = status;
  res.setHeader('Content-Type', JSON_TYPE);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

interface FormidableFile {
  filepath: string;
  size: number;
  originalFilename: string | null;
  mimetype: string | null;
}

function collectFiles(files: Record<string, FormidableFile | FormidableFile[]> | undefined): UploadedFile[] {
  if (!files) return [];
  return Object.entries(files).flatMap(([field, value]) =>
    (Array.isArray(value) ? value : [value]).map((f) => ({
      field,
      path: f.filepath,
      size: f.size,
      originalName: f.originalFilename ?? '',
      declaredType: f.mimetype ?? '',
    })),
  );
}

async function removeFiles(files: UploadedFile[]): Promise<void> {
  await Promise.all(files.map((f) => fs.promises.rm(f.path, { force: true })));
}

const healthRoute: GetRoute = {
  prefix: '/health',
  async handle(ctx, app) {
    const { db, kv } = await probeStores(app);
    const ok = db && kv;
    // Protocol §1: HTTP stays 200; load balancers match on `"code":200`.
    sendJson(ctx, 200, { code: ok ? 200 : 500, msg: ok ? 'ok' : 'unhealthy', data: { db: db ? 'up' : 'down', kv: kv ? 'up' : 'down', kv_kind: app.kv.kind } });
  },
};

/**
 * HTTP in, protocol out: koa only moves bytes. It decodes the body, finds the client IP, hands the
 * two fields to the pipeline and writes its Answer, and logs one line per call.
 */
export function createHttpApp(app: AppContext, registry: MethodRegistry, extraRoutes: GetRoute[] = []): Koa {
  const pipeline = new ProtocolPipeline(app, registry);
  const appAuth = app.use(appAuthService);
  const { http } = app.config;
  // Before the method is known, a body may be as large as the largest limit any method declares.
  const readLimitBytes = Math.max(http.bodyLimitBytes, registry.largestBodyLimitBytes());
  const routes = [healthRoute, ...extraRoutes];
  const uploadDir = path.join(os.tmpdir(), 'yaf-uploads');
  fs.mkdirSync(uploadDir, { recursive: true });

  // koa-body (formidable) only for multipart, i.e. uploads; forms and JSON go through readProtocolFields.
  const parseMultipart = koaBody({
    multipart: true,
    urlencoded: false,
    json: false,
    text: false,
    formidable: {
      uploadDir,
      maxFiles: 4,
      maxFileSize: http.uploadLimitBytes,
      maxTotalFileSize: http.uploadLimitBytes,
      // Fields besides data and sign are ignored (protocol §1), so a form may carry many; their bytes are
      // bounded by maxFieldsSize, and the count only bounds the per-part bookkeeping.
      maxFields: MAX_MULTIPART_FIELDS,
      maxFieldsSize: http.bodyLimitBytes,
      // An empty part is a file the method judges ("not an image"), not a broken body that loses data and sign.
      allowEmptyFiles: true,
      minFileSize: 0,
      keepExtensions: false,
    },
  });

  const writeCallLine = callLogWriter(app.logger);
  const koa = new Koa({ proxy: false });
  koa.silent = true;

  koa.use(async (ctx) => {
    const header = ctx.get('x-request-id');
    const requestId = REQUEST_ID.test(header) ? header : crypto.randomUUID();
    ctx.res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    const facts: CallFacts = {};
    const ip = clientIp(ctx.req.socket.remoteAddress, ctx.get('x-forwarded-for'), http.trustProxyHops);
    let files: UploadedFile[] = [];
    let code: number | undefined;
    const origin = requestOrigin(ctx.req);
    try {
      // CORS: a browser may read the answers only when some live appid lists the page's origin.
      const corsAllowed = origin !== undefined && (await appAuth.isBrowserOrigin(origin));
      if (corsAllowed) allowOrigin(ctx.res, origin);
      if (isApiPath(ctx.req.url)) {
        if (ctx.method !== 'POST') {
          if (origin !== undefined && isPreflight(ctx.req)) {
            if (!corsAllowed) {
              sendJson(ctx, 403, { code: 403, msg: 'origin not allowed' });
              return;
            }
            ctx.respond = false;
            answerPreflight(ctx.res);
            return;
          }
          ctx.set('Allow', 'POST');
          sendJson(ctx, 405, { code: 405, msg: 'method not allowed: use POST' });
          return;
        }
        let body: ProtocolFields = {};
        const contentType = ctx.get('content-type');
        try {
          if (isMultipart(contentType)) {
            await parseMultipart(ctx, async () => undefined);
            body = (ctx.request.body as ProtocolFields) ?? {};
            files = collectFiles(ctx.request.files as Record<string, FormidableFile | FormidableFile[]> | undefined);
          } else {
            body = await readProtocolFields(ctx.req, contentType, readLimitBytes);
          }
        } catch (err) {
          if (httpStatusOf(err) === Code.BODY_TOO_LARGE) {
            sendJson(ctx, Code.BODY_TOO_LARGE, { code: Code.BODY_TOO_LARGE, msg: 'request body too large' });
            return;
          }
          // An undecodable body carries no data: the pipeline answers 504 for it.
          body = {};
        }
        // A multipart body's files have their own limit; what counts against the method's is its `data`.
        const bodyBytes = body.bytes ?? (typeof body.data === 'string' ? Buffer.byteLength(body.data) : 0);
        const answer = await pipeline.run({ data: body.data, sign: body.sign, ip, origin, requestId, files, bodyBytes }, facts);
        code = answer.code;
        sendJson(ctx, answer.code === Code.BODY_TOO_LARGE ? Code.BODY_TOO_LARGE : 200, answer);
        return;
      }
      const route = ctx.method === 'GET' || ctx.method === 'HEAD' ? routes.find((r) => ctx.path === r.prefix || ctx.path.startsWith(`${r.prefix}/`)) : undefined;
      // Files are cached publicly: a cache must keep one answer per origin, CORS headers or not.
      if (!corsAllowed) ctx.res.setHeader('Vary', 'Origin');
      if (!route) {
        sendJson(ctx, 404, { code: 404, msg: 'not found' });
        return;
      }
      await route.handle(ctx, app);
    } catch (err) {
      facts.error = err;
      const { answer } = failure(err, requestId);
      code = answer.code;
      // A failure after the answer began (a file stream breaking) can only end the connection.
      if (ctx.res.headersSent) ctx.res.destroy();
      else sendJson(ctx, 200, answer);
    } finally {
      if (files.length) await removeFiles(files);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line: CallLine = {
        req_id: requestId,
        ip,
        http: ctx.res.statusCode,
        path: pathOf(ctx.req.url),
        appid: facts.appid,
        method: facts.method,
        code,
        user_id: facts.userId,
        ms: Math.round(ms * 100) / 100,
      };
      if (facts.error) app.logger.error({ ...line, params: facts.params, err: facts.error }, 'call failed');
      else writeCallLine(line);
    }
  });
  return koa;
}

/** Node's own answers for the request errors it detects itself: status, reason phrase, our msg. */
const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'request headers too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request timeout'],
};

/**
 * Requests Node refuses before koa sees them (headers over `--max-http-header-size`, 16 KiB by default;
 * a malformed request line) get a JSON body like every other refusal, instead of Node's bare status line.
 */
export function answerClientErrors(server: http.Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || err.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, reason, msg] = CLIENT_ERRORS[err.code ?? ''] ?? [400, 'Bad Request', 'bad request'];
    const text = JSON.stringify({ code: status, msg });
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
  });
}
