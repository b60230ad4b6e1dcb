import Joi from 'joi';
import { GENDER } from '../../../../../platform/identity/users';
import { uploadService } from '../../../../../platform/files/uploads';
import { defineMethod } from '../../../../../registry/method';
import { imageRefField } from '../../../fields';
import { showPeople, type ShowProfileChanges } from '../../../services/people';

interface Params {
  nickname?: string;
  avatar?: string | number;
  gender?: number;
  province?: string;
  city?: string;
  birthday?: number;
  email?: string;
  intro?: string;
}

export const showMyUserInfoUpdate = defineMethod<Params, Record<string, never>>({
  name: 'my.user.info.update',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Changes the caller's profile (at least one field); the avatar is a file id or one of our URLs.",
  schema: Joi.object({
    nickname: Joi.string().trim().min(1).max(20),
    avatar: imageRefField(),
    gender: Joi.number().integer().valid(...Object.values(GENDER)),
    province: Joi.string().trim().allow('').max(20),
    city: Joi.string().trim().allow('').max(20),
    // From 1900 to 2100 in ms: a birthday, not an arbitrary number.
    birthday: Joi.number().integer().min(-2_208_988_800_000).max(4_102_444_800_000),
    email: Joi.string().trim().max(100).email({ tlds: false }),
    intro: Joi.string().trim().allow('').max(200),
  })
    .min(1)
    .messages({ 'object.min': 'nothing to update: give at least one field' }),
  async handler(params, call, app) {
    const { avatar, ...rest } = params;
    const changes: ShowProfileChanges = { ...rest };
    if (avatar !== undefined) changes.headimg = (await app.use(uploadService).resolve(avatar, { label: 'avatar' })).url;
    await app.use(showPeople).updateProfile(call.user!.userId, changes);
    return {};
  },
});
