import Joi from 'joi';
import { Reply, defineMethod } from '../../../../../registry/method';
import { OwnerType, uploadService, type UploadAnswer } from '../../../../../platform/files/uploads';

export const systemUpload = defineMethod<Record<string, never>, UploadAnswer>({
  name: 'system.upload',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Uploads one image (multipart part "image", unsigned): JPEG, PNG, GIF or WebP by its bytes.',
  schema: Joi.object({}),
  async handler(_params, call, app) {
    const answer = await app.use(uploadService).storeImage(call.files, { type: OwnerType.USER, id: call.user!.userId });
    return new Reply('上传成功', answer);
  },
});
