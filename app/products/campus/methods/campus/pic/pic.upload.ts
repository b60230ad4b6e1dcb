import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { base64PictureField, pictureNameField, pictureSourceField } from '../../../fields';
import { PICTURE_BODY_LIMIT_BYTES, pictureService, type PictureSource } from '../../../services/pictures';

interface Params {
  from: PictureSource;
  base64: string;
  name?: string;
}

export const campusPicUpload = defineMethod<Params, { url: string }>({
  name: 'pic.upload',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  bodyLimitBytes: PICTURE_BODY_LIMIT_BYTES,
  summary: 'Stores a picture (base64 PNG/JPEG/GIF/WebP, ≤1024 KB) for a property, shop, product or portrait under a name (default: MD5 of the bytes); answers its URL.',
  schema: Joi.object({
    from: pictureSourceField().required(),
    base64: base64PictureField().required(),
    name: pictureNameField(),
  }),
  handler: ({ from, base64, name }, call, app) => app.use(pictureService).upload(call.user!.userId, from, base64, name),
});
