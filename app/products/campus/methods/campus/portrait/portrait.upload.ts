import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { base64PictureField } from '../../../fields';
import { PICTURE_BODY_LIMIT_BYTES, pictureService } from '../../../services/pictures';

export const campusPortraitUpload = defineMethod<{ base64: string; type: string }, { url: string }>({
  name: 'portrait.upload',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  bodyLimitBytes: PICTURE_BODY_LIMIT_BYTES,
  summary: "Replaces the caller's avatar (base64 ≤1024 KB; type, a mime or extension, must match the bytes); answers its URL.",
  schema: Joi.object({
    base64: base64PictureField().required(),
    type: Joi.string().trim().min(1).max(32).required(),
  }),
  handler: ({ base64, type }, call, app) => app.use(pictureService).uploadPortrait(call.user!.userId, base64, type),
});
