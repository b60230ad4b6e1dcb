import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { Reply, defineMethod } from '../../../../../registry/method';
import { OwnerType, uploadService, type UploadAnswer } from '../../../../../platform/files/uploads';

export const adminSystemUpload = defineMethod<{ admin_id: number }, UploadAnswer>({
  name: 'system.upload',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Uploads one image for the back office (multipart part "image", unsigned), owned by admin_id.',
  schema: Joi.object({ admin_id: idField().required() }),
  async handler({ admin_id }, call, app) {
    const answer = await app.use(uploadService).storeImage(call.files, { type: OwnerType.ADMIN, id: admin_id });
    return new Reply('上传成功', answer);
  },
});
