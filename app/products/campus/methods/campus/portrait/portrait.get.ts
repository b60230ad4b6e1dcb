import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { pictureService } from '../../../services/pictures';

export const campusPortraitGet = defineMethod<{ id: number }, { url: string }>({
  name: 'portrait.get',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: "A user's avatar URL, or the default avatar's when they have none.",
  schema: Joi.object({ id: idField().required() }),
  handler: ({ id }, _call, app) => app.use(pictureService).portrait(id),
});
