import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { propertyFields } from '../../../fields';
import { propertyService, type PropertyFields } from '../../../services/properties';

export const campusPropertyAdd = defineMethod<PropertyFields, { uid: number }>({
  name: 'property.add',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Posts a lost (type 1) or found (type 2) notice for the caller with up to 3 pictures; answers {uid: id}.',
  schema: Joi.object({
    ...propertyFields(),
    type: propertyFields().type.required(),
    lab: propertyFields().lab.required(),
    title: propertyFields().title.required(),
    content: propertyFields().content.required(),
    user_name: propertyFields().user_name.required(),
  }),
  handler: (params, call, app) => app.use(propertyService).add(call.user!.userId, params),
});
