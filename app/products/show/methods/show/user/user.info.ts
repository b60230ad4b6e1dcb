import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { uidField } from '../../../fields';
import { showPeople, type UserInfo } from '../../../services/people';

export const showUserInfo = defineMethod<{ to_uid: string }, { user_info: UserInfo }>({
  name: 'user.info',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "Another user's UserInfo: the phone masked (186****2222), the e-mail blank.",
  schema: Joi.object({ to_uid: uidField().required() }),
  handler: async (params, _call, app) => ({ user_info: await app.use(showPeople).publicInfo(params.to_uid) }),
});
