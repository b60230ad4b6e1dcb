import Joi from 'joi';
import { mobileField, passwordAttemptField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { campusAccounts, type CampusAuth } from '../../../services/accounts';

export const campusUserLogin = defineMethod<{ phone: string; password: string }, CampusAuth>({
  name: 'user.login',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Logs in with phone and password (the shared account and its lockout); answers a campus session and the user_id.',
  schema: Joi.object({
    phone: mobileField().required().messages({ 'string.pattern.base': 'phone invalid' }),
    password: passwordAttemptField().min(1).required(),
  }),
  handler: ({ phone, password }, call, app) => app.use(campusAccounts).login(phone, password, call),
});
