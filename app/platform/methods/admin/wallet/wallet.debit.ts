import { defineMethod } from '../../../../registry/method';
import { adminWalletMove, type AdminWalletMove } from '../../../wallet/adminMoves';
import { walletMoveSchema } from '../../../wallet/fields';

export const adminWalletDebit = defineMethod<AdminWalletMove, { balance: number }>({
  name: 'wallet.debit',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: "Takes money (yuan) from a member's wallet with a reason, never below zero (503 余额不足); answers the new balance.",
  schema: walletMoveSchema(),
  async handler(params, _call, app) {
    return adminWalletMove(app, params, 'debit');
  },
});
