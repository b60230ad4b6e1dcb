import Joi from 'joi';
import { idField } from '../../core/fields';
import { parseShanghaiTime } from '../../core/time';

/** The catalogue's PG: `page_no?:int=1 [≥1]`, `page_size?:int=20 [1..100]`. */
export const pageFields = () => ({
  page_no: Joi.number().integer().min(1).max(1_000_000).default(1),
  page_size: Joi.number().integer().min(1).max(100).default(20),
});

export interface PageParams {
  page_no: number;
  page_size: number;
}

export const idParam = () => ({ id: idField().required() });

/** `area?:str="86"` (1..4 digits), with every `account`. */
export const areaField = () => Joi.string().trim().pattern(/^\d{1,4}$/).default('86').messages({ 'string.pattern.base': '{{#label}} must be 1 to 4 digits' });

/** A phone (86: 1[3-9] + 9 digits, elsewhere 5..15 digits) or an e-mail (≤100, with `@`); which one is decided in the service. */
export const accountField = () => Joi.string().trim().min(3).max(100);

export const codeField = () => Joi.string().trim().pattern(/^\d{4,6}$/).messages({ 'string.pattern.base': '{{#label}} must be 4 to 6 digits' });

/** A password being set: 6..20 characters. */
export const newPasswordField = () => Joi.string().min(6).max(20);
/** A password being checked: bounded so nobody makes us hash a megabyte. */
export const passwordAttempt = () => Joi.string().min(1).max(64);

/** The back office's `app_id`: '' = every appid of the product, otherwise one account appid. */
export const appIdField = () => Joi.string().trim().allow('').max(32).pattern(/^[A-Za-z0-9_-]*$/);

export const idList = (max: number) => Joi.array().items(idField()).max(max);

export const faqFields = () => ({
  title: Joi.string().trim().min(1).max(100),
  content: Joi.string().trim().min(1).max(20_000),
  category: Joi.string().trim().allow('').max(50),
  external_link: Joi.string().trim().allow('').max(512).uri({ scheme: ['http', 'https'] }),
  sort: Joi.number().integer().min(-1_000_000).max(1_000_000),
});

export const categoryFields = () => ({
  name: Joi.string().trim().min(1).max(50),
  description: Joi.string().trim().allow('').max(200),
});

export const pushTextFields = () => ({
  push_title: Joi.string().trim().min(1).max(100).required(),
  push_body: Joi.string().trim().min(1).max(1000).required(),
});

export const clientIdParam = () => ({ client_id: Joi.string().trim().min(1).max(64).required() });

/** `area?` + `account`, the way every auth method names an account. */
export const accountParams = () => ({ area: areaField(), account: accountField().required() });

export interface AccountParams {
  area: string;
  account: string;
}

/** YYYY-MM-DD of a real calendar day (whether it is in the past is the service's check, on the app clock). */
const calendarDay = (value: string, helpers: Joi.CustomHelpers) =>
  value === '' || (/^\d{4}-\d{2}-\d{2}$/.test(value) && parseShanghaiTime(value) !== null && value >= '1900-01-01') ? value : helpers.error('date.format');

export const profileFields = () => ({
  nickname: Joi.string().trim().max(20).allow(''),
  avatar: Joi.string().trim().max(512).allow(''),
  gender: Joi.number().integer().valid(0, 1, 2),
  birthday: Joi.string().trim().allow('').custom(calendarDay).messages({ 'date.format': '{{#label}} must be a date YYYY-MM-DD' }),
  address: Joi.string().trim().max(200).allow(''),
});
