import { defineMethod } from '../../../../../registry/method';
import { movePoints, pointsMoveSchema, type PointsMove } from '../../../services/mall/adminPoints';

export const adminPointsGrant = defineMethod<PointsMove, { points: number }>({
  name: 'points.grant',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Gives a member points with a reason (one ledger row); answers the new balance.',
  schema: pointsMoveSchema,
  async handler(move, _call, app) {
    return movePoints(app, move, 'grant');
  },
});
