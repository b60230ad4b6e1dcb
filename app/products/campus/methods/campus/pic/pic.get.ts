import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pictureNameField, pictureSourceField } from '../../../fields';
import { pictureService, type PictureSource } from '../../../services/pictures';

export const campusPicGet = defineMethod<{ from: PictureSource; name: string }, { url: string }>({
  name: 'pic.get',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'The URL of a picture stored by pic.upload (the bytes are served by GET /files/…).',
  schema: Joi.object({ from: pictureSourceField().required(), name: pictureNameField().required() }),
  handler: ({ from, name }, _call, app) => app.use(pictureService).get(from, name),
});
