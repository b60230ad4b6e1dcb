import { clothLikeMethod } from '../../../clothMethods';

export const showDesignCircleClothUnlike = clothLikeMethod('design.circle.cloth.unlike', 'design', false);
