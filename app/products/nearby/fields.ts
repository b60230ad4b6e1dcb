import Joi from 'joi';
import { yuanField } from '../../platform/wallet/fields';

export { adminIdField } from '../../core/fields';

/** Joi rules shared by the nearby methods (catalog-nearby.md "Conventions"). */

export const latitudeField = () => Joi.number().min(-90).max(90);
export const longitudeField = () => Joi.number().min(-180).max(180);

/** Item ids are digit strings of at most 10 digits (decision 15); a number is accepted and answered as a string. */
export const itemIdField = () =>
  Joi.alternatives()
    .try(Joi.string().trim().pattern(/^[1-9]\d{0,9}$/), Joi.number().integer().min(1).max(9_999_999_999))
    .custom((value) => String(value))
    .messages({ 'alternatives.match': '{{#label}} must be an item id (1 to 10 digits)' });

/** `if_new`: 0 unread, 1 read, 2 all; any other value means 0 (seed). */
export const IF_NEW = { UNREAD: 0, READ: 1, ALL: 2 } as const;
export type IfNew = (typeof IF_NEW)[keyof typeof IF_NEW];
export const ifNewField = () =>
  Joi.any()
    .custom((value) => {
      const n = typeof value === 'number' || typeof value === 'string' ? Number(value) : NaN;
      return n === 1 || n === 2 ? n : 0;
    })
    .default(IF_NEW.UNREAD);

/** A public handle: 4–11 characters, a letter first, then letters, digits or `_` (issue 14). */
export const USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{3,10}$/;
export const usernameField = () =>
  Joi.string().trim().pattern(USERNAME_PATTERN).messages({
    'string.pattern.base': '{{#label}} must be 4 to 11 letters, digits or "_", starting with a letter',
  });

/** A username as a lookup key: any short text (an unknown one is "not found", not a format error). */
export const usernameKeyField = () => Joi.string().trim().max(32);

/** An item's editable fields (`nearby.item.add` requires name and retail_price). */
export const itemFields = () => ({
  name: Joi.string().trim().min(1).max(100),
  simple_desc: Joi.string().trim().max(255).allow(null),
  simple_desc_close: Joi.string().trim().max(255).allow(null),
  list_pic_url: Joi.string().trim().uri({ scheme: ['http', 'https'] }).max(255).allow(null),
  retail_price: yuanField(),
  activity_price: yuanField().allow(null),
  status: Joi.number().integer().valid(0, 1),
});
