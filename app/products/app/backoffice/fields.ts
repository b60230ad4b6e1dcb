import Joi from 'joi';
import { idField } from '../../../core/fields';
import type { Knex } from 'knex';
import type { AppContext } from '../../../context';
import { refuse } from '../../../core/errors';
import { parseShanghaiTime } from '../../../core/time';
import { terminalBit, terminalBits } from '../services/content/audience';
import { uploadService } from '../../../platform/files/uploads';
import type { Values } from './crud';

/** Joi rules the back-office families share, so every one spells a name, a flag or a URL the same way. */

export const text = (min: number, max: number) => Joi.string().trim().min(min).max(max);

/** Optional free text: '' allowed. */
export const optionalText = (max: number) => Joi.string().trim().max(max).allow('');

export const flag = () => Joi.number().integer().valid(0, 1);

export const listorder = () => Joi.number().integer().min(0).max(1_000_000);

export const positiveId = () => idField();

const UNSAFE_SCHEME = /^(javascript|vbscript|data|file):/i;

/** A link the app opens: any absolute URI (http(s) or an app scheme), never script, data or local files. */
export const linkUrl = () =>
  Joi.string()
    .trim()
    .max(255)
    .uri()
    .custom((value: string, helpers) => (UNSAFE_SCHEME.test(value) ? helpers.error('any.invalid') : value))
    .messages({ 'any.invalid': '{{#label}} must not be a javascript:, vbscript:, data: or file: URL' });

/** "YYYY-MM-DD HH:MM:SS" (Asia/Shanghai) → unix seconds. */
export const datetime = () =>
  Joi.string()
    .trim()
    .custom((value: string, helpers) => parseShanghaiTime(value) ?? helpers.error('any.invalid'))
    .messages({ 'any.invalid': '{{#label}} must be a time "YYYY-MM-DD HH:MM:SS"' });

/** "Images: file_id or URL" (catalog): an uploaded file's id, or an http(s) URL; '' = none. */
export const imageRef = () =>
  Joi.alternatives(
    Joi.number().integer().min(1).custom((n: number) => String(n)),
    Joi.string().trim().pattern(/^\d{1,18}$/),
    Joi.string().trim().max(255).uri({ scheme: ['http', 'https'] }),
    Joi.string().valid(''),
  ).messages({ 'alternatives.match': '{{#label}} must be an uploaded file_id or an http(s) URL' });

/** Replaces file ids among `names` by the file's absolute URL; 503 when no live file has that id. */
export async function resolveImages(values: Values, names: readonly string[], trx: Knex.Transaction, app: AppContext): Promise<Values> {
  const out = { ...values };
  for (const name of names) {
    const value = out[name];
    if (typeof value !== 'string' || !/^\d+$/.test(value)) continue;
    const file = (await trx('files').where({ file_id: Number(value), status: 1 }).first('path')) as { path: string } | undefined;
    if (!file) throw refuse(`${name}: the file ${value} does not exist`);
    out[name] = app.use(uploadService).urlsOf(file.path).image_url;
  }
  return out;
}

/** Platforms content can target (protocol §2 numbers; 5 is the back office itself). */
const TARGETS = [1, 2, 3, 4, 6];

/** `platforms?: [1, 2]`: the platforms a row is for; none or [] = every platform. */
export const platforms = () =>
  Joi.array()
    .items(Joi.number().integer().valid(...TARGETS))
    .unique()
    .max(TARGETS.length);

export function platformsOf(terminal: number): number[] {
  return TARGETS.filter((platform) => (terminal & terminalBit(platform)) !== 0);
}

/** Moves `platforms` into the `terminal` column, when given. */
export function withTerminal(values: Values): Values {
  if (values.platforms === undefined) return values;
  const { platforms: list, ...rest } = values;
  return { ...rest, terminal: terminalBits(list as number[]) };
}

/** The list shows `platforms` beside the raw bits. */
export async function presentPlatforms(rows: Values[]): Promise<Values[]> {
  return rows.map((row) => ({ ...row, platforms: platformsOf(Number(row.terminal)) }));
}
