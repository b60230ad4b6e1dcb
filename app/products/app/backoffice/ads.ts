import Joi from 'joi';
import { refuse } from '../../../core/errors';
import { MAX_ADS_PER_POSITION } from '../services/content/ads';
import { crudFamily, type Row } from './crud';
import { datetime, flag, imageRef, linkUrl, listorder, optionalText, platforms, positiveId, presentPlatforms, resolveImages, text, withTerminal } from './fields';
import { hasLiveRows } from './references';

const statusFilter = { schema: Joi.number().integer().valid(0, 1, 2) };

export const adPositionsAdmin = crudFamily({
  table: 'ad_positions',
  id: 'pos_id',
  noun: 'the ad position',
  status: 'status',
  fields: {
    pos_name: text(1, 50),
    pos_code: Joi.string().trim().pattern(/^\w{1,50}$/).messages({ 'string.pattern.base': '{{#label}} must be 1 to 50 letters, digits or "_"' }),
    pos_ad_count: Joi.number().integer().min(1).max(MAX_ADS_PER_POSITION),
    status: flag(),
  },
  required: ['pos_name', 'pos_code'],
  defaults: { pos_ad_count: 5, status: 1 },
  filters: { status: statusFilter },
  taken: 'the pos_code is taken',
  async beforeDelete(row, trx) {
    if (await hasLiveRows(trx, 'ads', { pos_id: row.pos_id as number })) throw refuse('the ad position still has ads; delete them first');
  },
});

const IMAGES = ['ad_image_url', 'ad_ipx_image_url'];

export const adsAdmin = crudFamily({
  table: 'ads',
  id: 'ad_id',
  noun: 'the ad',
  status: 'status',
  fields: {
    pos_id: positiveId(),
    ad_name: text(1, 50),
    ad_image_url: imageRef().invalid(''), // an ad without an image is a blank slide
    ad_ipx_image_url: imageRef(),
    ad_url: linkUrl().allow(''),
    start_time: datetime(),
    end_time: datetime(),
    display: flag(),
    listorder: listorder(),
    platforms: platforms(),
    audience: Joi.number().integer().min(1).max(7),
    remark: optionalText(255),
  },
  required: ['pos_id', 'ad_name', 'ad_image_url', 'start_time', 'end_time'],
  defaults: { ad_ipx_image_url: '', ad_url: '', display: 1, listorder: 0, platforms: [], audience: 3, remark: '' },
  filters: { pos_id: { schema: positiveId() }, status: statusFilter, display: { schema: flag() } },
  times: ['start_time', 'end_time'],
  async prepare(values, current, trx, app) {
    if (values.pos_id !== undefined && !(await hasLiveRows(trx, 'ad_positions', { pos_id: values.pos_id as number }))) {
      throw refuse('the ad position does not exist');
    }
    const start = (values.start_time ?? current?.start_time) as number;
    const end = (values.end_time ?? current?.end_time) as number;
    if (start >= end) throw refuse('start_time must be before end_time');
    const { audience, ...rest } = withTerminal(await resolveImages(values, IMAGES, trx, app));
    return audience === undefined ? rest : { ...rest, type_flag: audience };
  },
  async present(rows) {
    return (await presentPlatforms(rows)).map((row: Row) => ({ ...row, audience: row.type_flag }));
  },
});
