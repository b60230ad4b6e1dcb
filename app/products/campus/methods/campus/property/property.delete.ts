import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { propertyService } from '../../../services/properties';

export const campusPropertyDelete = defineMethod<{ id: number }, { uid: number }>({
  name: 'property.delete',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Removes the caller's notice (soft); a passed user_id is ignored, the token decides.",
  schema: Joi.object({ id: idField().required() }),
  handler: ({ id }, call, app) => app.use(propertyService).remove(call.user!.userId, id),
});
