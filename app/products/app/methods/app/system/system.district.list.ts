import Joi from 'joi';
import { districtService, type DistrictChild } from '../../../../../platform/reference/districts';
import { defineMethod } from '../../../../../registry/method';

/** The largest code in the tree is a 9-digit street code; anything longer cannot be a parent. */
const MAX_DISTRICT_ID = 999_999_999;

export const systemDistrictList = defineMethod<{ parentid: number }, { list: DistrictChild[] }>({
  name: 'system.district.list',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'The children of a district by GB/T 2260 code (parentid 0 = the provinces); [] for an unknown parent.',
  schema: Joi.object({
    parentid: Joi.number().integer().min(0).max(MAX_DISTRICT_ID).default(0),
  }),
  async handler({ parentid }, _call, app) {
    return { list: await app.use(districtService).childrenOf(parentid) };
  },
});
