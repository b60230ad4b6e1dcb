import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import type { Page } from '../../../../../platform/paging';
import { defineMethod } from '../../../../../registry/method';
import { campusRefusals } from '../../../errors';
import { datetimeField, pagingFields, propertyTypeField, type Paging } from '../../../fields';
import { PROPERTY_FILTERS, propertyService, type Property, type PropertyQuery } from '../../../services/properties';

export const campusPropertyQuery = defineMethod<PropertyQuery & Paging, Page<Property>>({
  name: 'property.query',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'Notices of one type by key (LIKE over lab, title, content; exact id or user_id) or by filters, newest update first, paged.',
  schema: Joi.object({
    type: propertyTypeField().required(),
    key: Joi.string().trim().max(50).allow(''),
    id: idField(),
    state: Joi.number().integer().valid(0, 1),
    lab: Joi.string().trim().max(50).allow(''),
    title: Joi.string().trim().max(20).allow(''),
    content: Joi.string().trim().max(500).allow(''),
    user_id: idField(),
    user_name: Joi.string().trim().max(10).allow(''),
    occurrence_time: datetimeField(),
    publish_time: datetimeField(),
    update_time: datetimeField(),
    ...pagingFields(),
  }),
  async handler({ page, count, ...params }, _call, app) {
    const filters = PROPERTY_FILTERS.filter((f) => params[f] !== undefined && params[f] !== null && params[f] !== '');
    if (params.key && filters.length) throw campusRefusals.propertyKeyWithFilters();
    const cleaned = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null && v !== '')) as unknown as PropertyQuery;
    return app.use(propertyService).query(cleaned, { page, count });
  },
});
