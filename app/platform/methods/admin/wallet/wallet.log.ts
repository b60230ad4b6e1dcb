import { defineMethod } from '../../../../registry/method';
import { memberDirectory, type MemberRef } from '../../../identity/members';
import { walletLogSchema } from '../../../wallet/fields';
import { walletService, type WalletLog } from '../../../wallet/wallet';

export const adminWalletLog = defineMethod<MemberRef & { page: number }, WalletLog>({
  name: 'wallet.log',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: "A member's wallet balance and ledger in yuan, newest first (the shape of show/campus wallet.info).",
  schema: walletLogSchema(),
  async handler({ page, ...ref }, _call, app) {
    const member = await app.use(memberDirectory).require(ref);
    return app.use(walletService).log(member.id, page);
  },
});
