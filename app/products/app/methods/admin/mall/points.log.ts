import { defineMethod } from '../../../../../registry/method';
import { memberRefSchema } from '../../../../../platform/identity/fields';
import { memberDirectory, type MemberRef } from '../../../../../platform/identity/members';
import { pointsService, type PointsLog } from '../../../services/mall/points';
import { pageParam, type Page } from '../../../../../platform/paging';

export const adminPointsLog = defineMethod<MemberRef & { page: number }, Page<PointsLog> & { points: number }>({
  name: 'points.log',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'A member\'s points balance and ledger, newest first (the shape of the app\'s user.points).',
  schema: memberRefSchema({ page: pageParam }),
  async handler({ page, ...ref }, _call, app) {
    const member = await app.use(memberDirectory).require(ref);
    return app.use(pointsService).history(member.id, page);
  },
});
