import { clothLikeMethod } from '../../../clothMethods';

export const showMerchantClothLike = clothLikeMethod('merchant.cloth.like', 'merchant', true);
