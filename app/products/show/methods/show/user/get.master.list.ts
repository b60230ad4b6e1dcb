import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pagingFields, type PageParams } from '../../../fields';
import { showPeople } from '../../../services/people';

interface Master {
  uid: string;
  nickname: string;
  avatar: string;
  intro: string;
  created_at: number;
}

export const showGetMasterList = defineMethod<PageParams, { master_list: Master[]; total: number; isnext: boolean }>({
  name: 'get.master.list',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'Masters (category 1), newest first; paged (limit, offset).',
  schema: Joi.object(pagingFields()),
  async handler(params, _call, app) {
    const page = await app.use(showPeople).masters(params);
    return {
      master_list: page.rows.map((u) => ({ uid: u.open_id, nickname: u.nickname ?? '', avatar: u.headimg ?? '', intro: u.intro ?? '', created_at: u.c_time })),
      total: page.total,
      isnext: page.isnext,
    };
  },
});
