import Joi from 'joi';
import { MOBILE_PATTERN, mobileField } from '../../core/fields';
import { DEFAULT_AREA_CODE } from './users';

/** The two handles a back-office method names a member by. */
export const memberFields = {
  open_id: Joi.string().trim().pattern(/^[0-9a-f]{32}$/).messages({ 'string.pattern.base': '{{#label}} is not a valid open_id' }),
  mobile: mobileField(),
};

/** Names a member by open_id or mobile (or both, then the same member), plus the method's own keys. */
export const memberRefSchema = (keys: Joi.PartialSchemaMap = {}) =>
  Joi.object({ ...memberFields, ...keys })
    .or('open_id', 'mobile')
    .messages({ 'object.missing': 'give open_id or mobile' });

/** Other areas' national numbers (catalogues: show, account). */
const OTHER_AREA_PATTERN = /^\d{5,15}$/;

/** Whether `number` is a phone number of area `areaCode`: 86 → a mainland mobile, elsewhere 5–15 digits. */
export function isPhoneOfArea(areaCode: string, number: string): boolean {
  return (areaCode === DEFAULT_AREA_CODE ? MOBILE_PATTERN : OTHER_AREA_PATTERN).test(number);
}

/** An area code as products take it (`area`, `country`): 1–4 digits, 86 when absent. */
export const areaCodeField = () =>
  Joi.string().trim().pattern(/^\d{1,4}$/).default(DEFAULT_AREA_CODE).messages({ 'string.pattern.base': '{{#label}} must be 1 to 4 digits' });

/**
 * `schema` plus the rule that its `phoneKey` is a phone of the area in `areaKey` (both named as the
 * product's catalogue names them, e.g. `country` + `phone`); answers 503 naming the phone otherwise.
 */
export const withPhoneOfArea = (schema: Joi.ObjectSchema, areaKey: string, phoneKey: string): Joi.ObjectSchema =>
  schema
    .custom((value: Record<string, unknown>, helpers) => {
      const phone = value[phoneKey];
      if (typeof phone !== 'string') return value;
      const area = typeof value[areaKey] === 'string' ? (value[areaKey] as string) : DEFAULT_AREA_CODE;
      return isPhoneOfArea(area, phone) ? value : helpers.error('phone.area', { field: phoneKey, area });
    })
    .messages({ 'phone.area': '"{{#field}}" is not a valid phone number for area {{#area}}' });
