import { clothLikeMethod } from '../../../clothMethods';

export const showDesignCircleClothLike = clothLikeMethod('design.circle.cloth.like', 'design', true);
