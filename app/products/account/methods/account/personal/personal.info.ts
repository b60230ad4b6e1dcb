import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { memberService, type AccountUserView } from '../../../services/members';

export const personalInfo = defineMethod<Record<string, never>, AccountUserView>({
  name: 'personal.info',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "The caller's account and profile.",
  schema: Joi.object({}),
  async handler(_params, call, app) {
    return app.use(memberService).view(call.user!.userId);
  },
});
