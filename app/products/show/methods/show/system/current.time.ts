import Joi from 'joi';
import { unixSeconds } from '../../../../../core/clock';
import { defineMethod } from '../../../../../registry/method';

export const showCurrentTime = defineMethod<Record<string, never>, { time: number }>({
  name: 'current.time',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: "The server's time in unix seconds (clients correct their signing clock with it).",
  schema: Joi.object({}),
  handler: async (_params, _call, app) => ({ time: unixSeconds(app.clock) }),
});
