import Joi from 'joi';
import { idField } from '../../../../core/fields';
import { imageRef } from '../../backoffice/fields';

/**
 * Joi rules shared by the back-office mall methods (`admin` namespace), so goods.add's products,
 * product.add and product.edit spell a SKU, a price and a spec the same way.
 */

/** The separators of a product's spec key (`颜色:::红色|||尺码:::L`) cannot appear inside names or values. */
const SPEC_WORD = /^(?!.*:::)(?!.*\|\|\|).+$/;
const specWord = () =>
  Joi.string().trim().min(1).max(20).pattern(SPEC_WORD).messages({ 'string.pattern.base': '{{#label}} must not contain ":::" or "|||"' });

/** `{name: [values]}`; `{}` = single spec. */
export const specValField = () => Joi.object().pattern(specWord(), Joi.array().items(specWord()).min(1).max(50).unique()).max(5);

/** A product's spec: `{name: value}` or its key form `name:::value|||name:::value`; `{}`/`""` = single spec. */
export const productSpecField = () => Joi.alternatives().try(Joi.object().pattern(specWord(), specWord()), Joi.string().allow('').max(255));

export const skuidField = () =>
  Joi.string().trim().min(1).max(64).pattern(/^[\w.-]+$/).messages({ 'string.pattern.base': '{{#label}} may hold letters, digits, "_", "-" and "."' });

export const priceFields = {
  market_price: Joi.number().integer().min(0).max(10_000_000),
  sales_price: Joi.number().integer().min(1).max(10_000_000),
};

/** Goods fields an admin sets on add and may change on edit. */
export const goodsFields = {
  goods_name: Joi.string().trim().min(1).max(50),
  cat_id: idField(),
  goods_img: imageRef(),
  goods_image: Joi.array().items(imageRef().invalid('')).max(5),
  // 16000 characters of 4-byte UTF-8 still fit a MySQL TEXT column.
  description: Joi.string().max(16_000).allow(''),
  limit_count: Joi.number().integer().min(0).max(10_000),
  spec_val: specValField(),
};
