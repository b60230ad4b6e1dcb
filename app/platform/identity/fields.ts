import Joi from 'joi';
import { mobileField } from '../../core/fields';

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
