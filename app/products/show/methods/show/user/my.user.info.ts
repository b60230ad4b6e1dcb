import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { showPeople, type UserInfo } from '../../../services/people';

export const showMyUserInfo = defineMethod<Record<string, never>, { my_user_info: UserInfo }>({
  name: 'my.user.info',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "The caller's own UserInfo (phone and e-mail in full).",
  schema: Joi.object({}),
  handler: async (_params, call, app) => ({ my_user_info: await app.use(showPeople).info(call.user!.userId) }),
});
