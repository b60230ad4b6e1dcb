import Joi from 'joi';
import { OwnerType, uploadService } from '../../../../../platform/files/uploads';
import { defineMethod } from '../../../../../registry/method';

export const showGetMediaId = defineMethod<Record<string, never>, { media_id: string }>({
  name: 'get.media.id',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Reserves a file id (expires in an hour unless filled); upload with it via system.upload (media_id).',
  schema: Joi.object({}),
  async handler(_params, call, app) {
    const id = await app.use(uploadService).reserve({ type: OwnerType.USER, id: call.user!.userId });
    return { media_id: String(id) };
  },
});
