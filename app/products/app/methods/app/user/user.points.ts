import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pointsService, type PointsLog } from '../../../services/mall/points';
import { pageParam, type Page } from '../../../../../platform/paging';

export const userPoints = defineMethod<{ page: number }, Page<PointsLog> & { points: number }>({
  name: 'user.points',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "The member's points balance and its ledger, newest first.",
  schema: Joi.object({ page: pageParam }),
  async handler({ page }, call, app) {
    return app.use(pointsService).history(call.user!.userId, page);
  },
});
