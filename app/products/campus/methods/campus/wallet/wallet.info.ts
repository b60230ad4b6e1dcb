import { defineMethod } from '../../../../../registry/method';
import { walletInfoMethod } from '../../../../../platform/wallet/info';

export const campusWalletInfo = defineMethod({ ...walletInfoMethod, namespaces: ['campus'] });
