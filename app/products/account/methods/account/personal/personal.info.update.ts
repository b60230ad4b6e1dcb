import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { profileFields } from '../../../fields';
import { memberService, type AccountUserView, type ProfileChanges } from '../../../services/members';

export const personalInfoUpdate = defineMethod<ProfileChanges, AccountUserView>({
  name: 'personal.info.update',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Changes the given profile fields (at least one): nickname, avatar, gender, birthday, address.',
  schema: Joi.object(profileFields()),
  async handler(changes, call, app) {
    return app.use(memberService).update(call.user!.userId, changes);
  },
});
