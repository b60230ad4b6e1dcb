import Joi from 'joi';
import { adminIdField } from '../../core/fields';
import { memberRefSchema } from '../identity/fields';
import { pageParam } from '../paging';
import { centsOf, MAX_MOVE_CENTS } from './money';

/**
 * A yuan amount as a client sends it: a positive number (or numeric string) with at most two decimals,
 * at most one move's worth. Methods turn it into cents with yuanToCents.
 */
export const yuanField = (maxCents = MAX_MOVE_CENTS) =>
  Joi.number()
    .positive()
    .max(maxCents / 100)
    .custom((value: number, helpers) => (centsOf(value) === undefined ? helpers.error('number.yuan') : value))
    .messages({ 'number.yuan': '{{#label}} must be a yuan amount with at most two decimals' });

/** Admin wallet.credit / wallet.debit: a member, an amount in yuan, why, and who. */
export const walletMoveSchema = () =>
  memberRefSchema({
    admin_id: adminIdField(),
    amount: yuanField().required(),
    reason: Joi.string().trim().min(1).max(100).required(),
  });

/** Admin wallet.log: a member and a page. */
export const walletLogSchema = () => memberRefSchema({ page: pageParam });
