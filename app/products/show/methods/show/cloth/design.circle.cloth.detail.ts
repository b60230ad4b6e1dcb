import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { rowIdField } from '../../../fields';
import { showClothes, type Cloth } from '../../../services/clothes';

export const showDesignCircleClothDetail = defineMethod<{ cloth_id: number }, { design_circle_cloth_detail: Cloth }>({
  name: 'design.circle.cloth.detail',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'One shown design-circle cloth with is_like for the caller.',
  schema: Joi.object({ cloth_id: rowIdField().required() }),
  async handler({ cloth_id }, call, app) {
    const clothes = app.use(showClothes);
    const [cloth] = await clothes.present([await clothes.shown('design', cloth_id)], call.user!.userId);
    return { design_circle_cloth_detail: cloth };
  },
});
