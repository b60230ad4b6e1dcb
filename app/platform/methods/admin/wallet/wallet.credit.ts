import { defineMethod } from '../../../../registry/method';
import { adminWalletMove, type AdminWalletMove } from '../../../wallet/adminMoves';
import { walletMoveSchema } from '../../../wallet/fields';

export const adminWalletCredit = defineMethod<AdminWalletMove, { balance: number }>({
  name: 'wallet.credit',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: "Puts money (yuan, two decimals) into a member's wallet with a reason (one ledger row); answers the new balance.",
  schema: walletMoveSchema(),
  async handler(params, _call, app) {
    return adminWalletMove(app, params, 'credit');
  },
});
