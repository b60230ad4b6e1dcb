import Joi from 'joi';
import { API_TYPES } from '../../core/caller';
import { pageParam } from '../paging';
import { CHANNELS } from './recipient';
import { PROOF_STYLES, TRIGGER_CODE, TRIGGER_SYSTEM } from './templates';

/** The joi rules of `sms.template.*` (the methods' schemas). */

export const sendKeyField = () =>
  Joi.string()
    .trim()
    .pattern(/^[A-Z][A-Z0-9_]{2,63}$/)
    .messages({ 'string.pattern.base': '{{#label}} must be 3 to 64 of A-Z, 0-9 and "_", starting with a letter' });

/** A comma list of api types, each once: "app,activity". Stored as given, spaces removed. */
export const namespacesField = () =>
  Joi.string()
    .max(255)
    .custom((value: string, helpers) => {
      const names = value.split(',').map((n) => n.trim());
      if (names.some((n) => !(API_TYPES as readonly string[]).includes(n))) return helpers.error('namespaces.unknown');
      if (new Set(names).size !== names.length) return helpers.error('namespaces.repeated');
      return names.join(',');
    })
    .messages({
      'namespaces.unknown': `{{#label}} must be a comma list of ${API_TYPES.join(', ')}`,
      'namespaces.repeated': '{{#label}} names a namespace twice',
    });

const adminId = () => Joi.number().integer().min(1).required();

const templateFields = {
  send_key: sendKeyField(),
  title: Joi.string().trim().min(1).max(64),
  // Placeholders are %NAME% (upper case); a code template's body has %CODE%.
  body: Joi.string().trim().min(1).max(500),
  trigger_type: Joi.number().integer().valid(TRIGGER_CODE, TRIGGER_SYSTEM),
  namespaces: namespacesField(),
  provider_template_id: Joi.string().trim().max(64).allow(''),
  send_channel: Joi.string().valid(...CHANNELS),
  // 0 = SMS_CODE_TTL_SEC; otherwise one minute to one day.
  ttl_sec: Joi.alternatives(Joi.number().valid(0), Joi.number().integer().min(60).max(86_400)),
  code_length: Joi.number().integer().min(4).max(8),
  proof: Joi.string().valid(...PROOF_STYLES),
  status: Joi.number().integer().valid(0, 1),
};

export const templateListSchema = Joi.object({
  page: pageParam,
  send_key: sendKeyField(),
  send_channel: Joi.string().valid(...CHANNELS),
  namespace: Joi.string().valid(...API_TYPES),
  status: Joi.number().integer().valid(0, 1),
});

export const templateAddSchema = Joi.object({
  admin_id: adminId(),
  ...templateFields,
  send_key: templateFields.send_key.required(),
  title: templateFields.title.required(),
  body: templateFields.body.required(),
  namespaces: templateFields.namespaces.required(),
});

const editable = Object.keys(templateFields);

export const templateEditSchema = Joi.object({ admin_id: adminId(), id: Joi.number().integer().min(1).required(), ...templateFields })
  .or(...editable)
  .messages({ 'object.missing': `give at least one field to change: ${editable.join(', ')}` });
