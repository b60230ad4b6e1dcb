import Joi from 'joi';
import { idField } from '../../core/fields';
import { parseShanghaiTime } from '../../core/time';
import { pageParam } from '../../platform/paging';
import { yuanField } from '../../platform/wallet/fields';
import { PICTURE_BODY_LIMIT_BYTES, PICTURE_SOURCES } from './services/pictures';

/** PG: `page?:int=1`, `count?:int=20 [1..100]`. */
export const pagingFields = () => ({
  page: pageParam,
  count: Joi.number().integer().min(1).max(100).default(20),
});

export interface Paging {
  page: number;
  count: number;
}

export type SortDirection = 'asc' | 'desc';
/** A parsed ORD: [column, direction] pairs, columns taken only from the whitelist's values. */
export type SortOrder = Array<[string, SortDirection]>;

const ORDER_TERM = /^([A-Za-z_]{1,40})(?:\s+(ASC|DESC))?$/i;

/**
 * ORD (catalog conventions, decision 7): up to 3 comma-separated `field ASC|DESC` with the field one of
 * the answer row's own keys. The client's text is only matched against `columns`; what reaches SQL is
 * the whitelist's own column name and a fixed direction, never a byte the client sent.
 */
export const orderField = (columns: Readonly<Record<string, string>>) =>
  Joi.string()
    .trim()
    .max(200)
    .allow('')
    .custom((text: string, helpers) => {
      if (text === '') return [];
      const terms = text.split(',').map((t) => t.trim());
      if (terms.length > 3) return helpers.error('order.terms');
      const order: SortOrder = [];
      for (const term of terms) {
        const match = ORDER_TERM.exec(term);
        const column = match && Object.hasOwn(columns, match[1].toLowerCase()) ? columns[match[1].toLowerCase()] : undefined;
        if (!match || !column) return helpers.error('order.term', { term: term.slice(0, 40) });
        if (order.some(([c]) => c === column)) return helpers.error('order.repeated');
        order.push([column, (match[2]?.toLowerCase() ?? 'asc') as SortDirection]);
      }
      return order;
    })
    .messages({
      'order.terms': '{{#label}} takes at most 3 fields',
      'order.term': `{{#label}} must be "field ASC|DESC" with field one of ${Object.keys(columns).join(', ')}`,
      'order.repeated': '{{#label}} names a field twice',
    });

/** A price in yuan: 0.01..99999.99 with at most two decimals. */
export const priceField = () => yuanField(9_999_999);

/** A client's price claim (purchase.apply): any amount with two decimals, compared with ours. */
export const priceClaimField = () => yuanField();

export const shopIdField = () => idField();
export const productIdField = () => idField();

/** `purchase_id`: 17 digits (decision 11). */
export const purchaseIdField = () =>
  Joi.string().trim().pattern(/^\d{17}$/).messages({ 'string.pattern.base': '{{#label}} must be 17 digits' });

/** An image parameter: a file id or a URL of ours (resolved by the file service), bounded. */
export const picRefField = (max: number) => Joi.alternatives().try(idField(), Joi.string().trim().max(max).allow(''));

/** `|`-separated keywords or tags. */
export const keywordsField = (max: number) => Joi.string().trim().max(max).allow('');

/** An image captcha proof: MD5(lowercase code + rand), 32 hex. */
export const captchaProofField = () =>
  Joi.string().trim().lowercase().pattern(/^[0-9a-f]{32}$/).messages({ 'string.pattern.base': '{{#label}} must be 32 hex characters (MD5 of code + rand)' });

/** pic.upload / pic.get `from`. */
export const pictureSourceField = () =>
  Joi.string().trim().valid(...Object.keys(PICTURE_SOURCES)).messages({ 'any.only': '{{#label}} must be property, shop, product or portrait' });

/** A picture's name: 1–64 letters, digits, `_` or `-`. */
export const pictureNameField = () =>
  Joi.string().trim().pattern(/^[A-Za-z0-9_-]{1,64}$/).messages({ 'string.pattern.base': '{{#label}} must be 1–64 letters, digits, "_" or "-"' });

/** The base64 text of a picture; the file service checks size, alphabet and content. */
export const base64PictureField = () => Joi.string().max(PICTURE_BODY_LIMIT_BYTES);

/** "YYYY-MM-DD HH:MM:SS" (Asia/Shanghai) → unix seconds; '' → null where `emptyOk` (the catalogue's ∅ok). */
export const datetimeField = () =>
  Joi.string()
    .trim()
    .allow('')
    .custom((text: string, helpers) => {
      if (text === '') return null;
      const seconds = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) ? parseShanghaiTime(text) : null;
      return seconds === null || seconds < 0 ? helpers.error('datetime.base') : seconds;
    })
    .messages({ 'datetime.base': '{{#label}} must be a time "YYYY-MM-DD HH:MM:SS"' });

/** Property type: 1 lost notice, 2 found notice. */
export const propertyTypeField = () => Joi.number().integer().valid(1, 2).messages({ 'any.only': 'type must be 1 or 2', 'number.base': 'type must be 1 or 2' });

const optionalText = (max: number) => Joi.string().trim().max(max).allow('');

/** The Property fields a client may write (property.add requires some of them; update takes any). */
export const propertyFields = () => ({
  type: propertyTypeField(),
  state: Joi.number().integer().valid(0, 1),
  lab: Joi.string().trim().min(1).max(50),
  title: Joi.string().trim().min(1).max(20),
  content: Joi.string().trim().min(1).max(500),
  occurrence_time: datetimeField(),
  user_name: Joi.string().trim().min(1).max(10),
  user_phone: optionalText(15),
  user_qq: optionalText(15),
  pic_num: Joi.number().integer().min(0).max(3),
  pic_url1: picRefField(1024),
  pic_url2: picRefField(1024),
  pic_url3: picRefField(1024),
});

/** The finder's side, set by property.update only. */
export const propertyFinderFields = () => ({
  user2_id: optionalText(15),
  user2_name: optionalText(10),
  user2_phone: optionalText(15),
  user2_qq: optionalText(15),
});
