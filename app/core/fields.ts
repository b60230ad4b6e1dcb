import Joi from 'joi';

/**
 * Joi rules for the parameters many methods share (catalog "Conventions"), so that every method
 * spells a mobile number, a password and an SMS code the same way and fails with the same message.
 */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const PASSWORD_PATTERN = /^[A-Za-z0-9_-]{6,20}$/;

export const mobileField = () =>
  Joi.string().trim().pattern(MOBILE_PATTERN).messages({ 'string.pattern.base': '{{#label}} is not a valid mobile number' });

export const passwordField = () =>
  Joi.string().pattern(PASSWORD_PATTERN).messages({
    'string.pattern.base': '{{#label}} must be 6 to 20 letters, digits, "_" or "-"',
  });

export const smsCodeField = () =>
  Joi.string().trim().pattern(/^\d{6}$/).messages({ 'string.pattern.base': '{{#label}} must be 6 digits' });

/** A password being checked rather than set: any text, bounded so nobody makes us hash a megabyte. */
export const passwordAttemptField = () => Joi.string().max(64);

/** A row id: within the INT columns ids are stored in, so a larger one is refused here, not by the database. */
export const idField = () => Joi.number().integer().min(1).max(2_147_483_647);

/** A reference to a row that may be absent (0 = none), e.g. a parent category; same range as idField. */
export const refIdField = () => Joi.number().integer().min(0).max(2_147_483_647);

/** The back-office user making a change (kept as c_by/u_by or in a ledger row): required on every admin write. */
export const adminIdField = () => idField().required();

/** A delivery address's fields (`user.address.add`, and any of them for `user.address.edit`). */
export const addressFields = () => ({
  realname: Joi.string().trim().min(2).max(10),
  mobile: mobileField(),
  district_id: idField(),
  address: Joi.string().trim().min(1).max(50),
  is_default: Joi.number().integer().valid(0, 1),
});

/** A mobile number, the SMS code sent to it and a new password (`user.register`, `user.pwd.find`). */
export const mobileCodeNewPasswordFields = () => ({
  mobile: mobileField().required(),
  code: smsCodeField().required(),
  password: passwordField().required(),
});
