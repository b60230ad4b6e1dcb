import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { OwnerType, uploadService, type UploadAnswer } from '../../../../../platform/files/uploads';
import { rowIdField } from '../../../fields';

export const showSystemUpload = defineMethod<{ media_id?: number }, UploadAnswer>({
  name: 'system.upload',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Uploads one image (multipart part "image", unsigned), optionally filling a media_id from get.media.id.',
  schema: Joi.object({ media_id: rowIdField() }),
  handler: (params, call, app) =>
    app.use(uploadService).storeImage(call.files, { type: OwnerType.USER, id: call.user!.userId }, { reservedId: params.media_id }),
});
