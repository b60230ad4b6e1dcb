import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { accountAuthService, type Tokens } from '../../../services/auth';

export const authRefreshToken = defineMethod<{ refresh_token: string }, Tokens>({
  name: 'auth.refresh_token',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Spends a refresh token for a new pair (single use: a second use revokes the whole login).',
  schema: Joi.object({ refresh_token: Joi.string().trim().min(1).max(128).required() }),
  async handler({ refresh_token }, call, app) {
    return app.use(accountAuthService).refresh(refresh_token, call);
  },
});
