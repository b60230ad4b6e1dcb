import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { propertyFields, propertyFinderFields } from '../../../fields';
import { propertyService, type PropertyFields } from '../../../services/properties';

export const campusPropertyUpdate = defineMethod<PropertyFields & { id: number }, { uid: number }>({
  name: 'property.update',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Changes the caller's notice (any Property field but id, user_id and the times; user2_* for the finder); answers {uid: id}.",
  schema: Joi.object({ id: idField().required(), ...propertyFields(), ...propertyFinderFields() }),
  handler: ({ id, ...fields }, call, app) => app.use(propertyService).update(call.user!.userId, id, fields),
});
