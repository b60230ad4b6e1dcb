import { describeWalletInfo } from '../../../../../helpers/wallet';

describeWalletInfo('show');
