import Joi from 'joi';
import type { AppContext } from '../../../../context';
import { adminIdField } from '../../backoffice/crud';
import { memberDirectory, type MemberRef } from '../../../../platform/identity/members';
import { memberRefSchema } from '../../../../platform/identity/fields';
import { pointsService } from './points';

export interface PointsMove extends MemberRef {
  admin_id: number;
  points: number;
  reason: string;
}

/** points.grant / points.deduct take the same parameters. */
export const pointsMoveSchema = memberRefSchema({
  admin_id: adminIdField(),
  points: Joi.number().integer().min(1).max(10_000_000).required(),
  reason: Joi.string().trim().min(1).max(100).required(),
});

/** An admin's grant or deduction as one ledger row; answers the new balance (503 user not found / not enough points). */
export async function movePoints(app: AppContext, move: PointsMove, direction: 'grant' | 'deduct'): Promise<{ points: number }> {
  const member = await app.use(memberDirectory).require(move);
  const points = app.use(pointsService);
  const balance = direction === 'grant'
    ? await points.grant(member.id, move.points, move.reason, move.admin_id)
    : await points.deduct(member.id, move.points, move.reason, move.admin_id);
  return { points: balance };
}
