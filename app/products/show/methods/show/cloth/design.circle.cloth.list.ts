import { clothListMethod } from '../../../clothMethods';

export const showDesignCircleClothList = clothListMethod('design.circle.cloth.list', 'design', 'design_circle_cloth_list');
