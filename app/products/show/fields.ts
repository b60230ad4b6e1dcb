import Joi from 'joi';
import { passwordField, smsCodeField } from '../../core/fields';
import { areaCodeField, withPhoneOfArea } from '../../platform/identity/fields';
import { BANNER_POSITIONS } from './services/banners';
import { yuanField } from '../../platform/wallet/fields';
import { CLOTH_KINDS, CLOTH_STATUS } from './services/clothes';

export { adminIdField, passwordField, smsCodeField } from '../../core/fields';

/** Joi rules shared by the show methods (catalog-show.md "Conventions"). */

/** `uid`, `to_uid`: the shared account's 32-hex open_id. */
export const uidField = () =>
  Joi.string().trim().lowercase().pattern(/^[0-9a-f]{32}$/).messages({ 'string.pattern.base': '{{#label}} is not a valid uid' });

/** Row ids are strings on the wire (Conventions); a number is accepted and read as one. */
export const rowIdField = () =>
  Joi.alternatives()
    .try(Joi.string().trim().pattern(/^[1-9]\d{0,9}$/), Joi.number().integer().min(1))
    .custom((value, helpers) => {
      const id = Number(value);
      return id <= 2_147_483_647 ? id : helpers.error('any.invalid');
    })
    .messages({ 'alternatives.match': '{{#label}} must be an id', 'any.invalid': '{{#label}} must be an id' });

export const rowIdListField = () => Joi.array().items(rowIdField().required()).min(1).max(100).unique();

/** `country` + `phone` (the phone valid for its area, decision: 86 = mainland mobile, else 5..15 digits). */
export const phoneSchema = (keys: Joi.PartialSchemaMap): Joi.ObjectSchema =>
  withPhoneOfArea(Joi.object({ country: areaCodeField(), phone: Joi.string().trim().max(15).required(), ...keys }), 'country', 'phone');

export const newPasswordField = () => passwordField();
export const codeField = () => smsCodeField();

/** The P convention: `limit?:int=20 [1..100]`, `offset?:int=0`; relation lists default 100, at most 500. */
export const pagingFields = (defaultLimit = 20, maxLimit = 100) => ({
  limit: Joi.number().integer().min(1).max(maxLimit).default(defaultLimit),
  offset: Joi.number().integer().min(0).max(1_000_000).default(0),
});

export interface PageParams {
  limit: number;
  offset: number;
}

/** Image parameters: a file id or an URL of our files (the platform resolver decides). */
export const imageRefField = () => Joi.alternatives().try(Joi.string().trim().min(1).max(500), Joi.number().integer().min(1));

/** A ticket's fields as the back office sends them (`show.ticket.add`, any of them for `show.ticket.edit`). */
export const ticketFields = () => ({
  name: Joi.string().trim().min(1).max(100),
  image: imageRefField(),
  intro: Joi.string().trim().allow('').max(2000),
  price: yuanField(),
  total: Joi.number().integer().min(0).max(1_000_000),
  status: Joi.number().integer().valid(0, 1),
});

/** How many of one ticket a cart line or an order line holds. */
export const ticketNumberField = () => Joi.number().integer().min(1).max(10);

/** Comments on articles and tickets: `content:str [1..500]`. */
export const commentContentField = () => Joi.string().trim().min(1).max(500);

/** A cloth's fields as the back office writes them (`show.cloth.add` requires most, `.edit` any). */
export const clothFields = () => ({
  name: Joi.string().trim().min(1).max(100),
  image: imageRefField(),
  intro: Joi.string().trim().allow('').max(1000),
  // Up to 999,999.99 yuan; a cloth is never free.
  price: yuanField(99_999_999),
  status: Joi.number().integer().valid(CLOTH_STATUS.OFF, CLOTH_STATUS.ON),
  merchant_uid: uidField(),
});

export const clothKindField = () => Joi.string().valid(...CLOTH_KINDS);

/** order.create's `ticket_id_list` (1..20 distinct tickets: one order line each). */
export const orderTicketIdsField = () => Joi.array().items(rowIdField().required()).min(1).max(20).unique();

/** order.create's `number_list`: each line 1..10 tickets; its length is checked against the ids (a 503). */
export const orderNumbersField = () => Joi.array().items(ticketNumberField().required()).min(1).max(20);

/** Decision 5: 0 unpaid, 1 paid, 2 cancelled, 3 used. */
export const orderStatusField = () => Joi.number().integer().valid(0, 1, 2, 3);

/** A banner's page: `home` or `ticket`. */
export const bannerPositionField = () => Joi.string().trim().valid(...BANNER_POSITIONS);
