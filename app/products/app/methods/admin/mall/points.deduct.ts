import { defineMethod } from '../../../../../registry/method';
import { movePoints, pointsMoveSchema, type PointsMove } from '../../../services/mall/adminPoints';

export const adminPointsDeduct = defineMethod<PointsMove, { points: number }>({
  name: 'points.deduct',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Takes points from a member with a reason (one ledger row), never below zero; answers the new balance.',
  schema: pointsMoveSchema,
  async handler(move, _call, app) {
    return movePoints(app, move, 'deduct');
  },
});
