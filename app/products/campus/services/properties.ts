import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { formatTime } from '../../../core/time';
import type { Page } from '../../../platform/paging';
import { insertId, transaction } from '../../../storage/db';
import { campusRefusals } from '../errors';
import type { Paging } from '../fields';
import { pageOf, resolvedPicture, whereLike } from './common';

const PIC_KEYS = ['pic_url1', 'pic_url2', 'pic_url3'] as const;
const TEXT_KEYS = ['lab', 'title', 'content', 'user_name', 'user_phone', 'user_qq', 'user2_id', 'user2_name', 'user2_phone', 'user2_qq'] as const;

export interface PropertyFields {
  type?: number;
  state?: number;
  lab?: string;
  title?: string;
  content?: string;
  /** Unix seconds; null = "empty": the publish time. */
  occurrence_time?: number | null;
  user_name?: string;
  user_phone?: string;
  user_qq?: string;
  user2_id?: string;
  user2_name?: string;
  user2_phone?: string;
  user2_qq?: string;
  pic_num?: number;
  pic_url1?: string | number;
  pic_url2?: string | number;
  pic_url3?: string | number;
}

export interface PropertyQuery {
  type: number;
  key?: string;
  id?: number;
  state?: number;
  lab?: string;
  title?: string;
  content?: string;
  user_id?: number;
  user_name?: string;
  occurrence_time?: number;
  publish_time?: number;
  update_time?: number;
}

/** Filters that cannot go with `key` (the seed's -103). */
export const PROPERTY_FILTERS = ['id', 'state', 'lab', 'title', 'content', 'user_id', 'user_name', 'occurrence_time', 'publish_time', 'update_time'] as const;

interface PropertyRow {
  id: number;
  type: number;
  state: number;
  lab: string;
  title: string;
  content: string;
  occurrence_time: number;
  user_id: number;
  user_name: string;
  user_phone: string;
  user_qq: string;
  user2_id: string;
  user2_name: string;
  user2_phone: string;
  user2_qq: string;
  publish_time: number;
  update_time: number;
  pic_num: number;
  pic_url1: string;
  pic_url2: string;
  pic_url3: string;
}

export type Property = Omit<PropertyRow, 'occurrence_time' | 'publish_time' | 'update_time'> & {
  occurrence_time: string | null;
  publish_time: string | null;
  update_time: string | null;
};

function present({ deleted_at: _deleted, ...r }: PropertyRow & { deleted_at?: number }): Property {
  return {
    ...r,
    id: Number(r.id),
    type: Number(r.type),
    state: Number(r.state),
    user_id: Number(r.user_id),
    pic_num: Number(r.pic_num),
    occurrence_time: formatTime(Number(r.occurrence_time)),
    publish_time: formatTime(Number(r.publish_time)),
    update_time: formatTime(Number(r.update_time)),
  };
}

/** The lost-and-found board: notices owned by the token's user (decision 13), soft-deleted. */
export class PropertyService {
  constructor(private readonly app: AppContext) {}

  async add(userId: number, fields: PropertyFields): Promise<{ uid: number }> {
    const now = unixSeconds(this.app.clock);
    const pictures = await this.pictures(fields);
    const picNum = this.checkedPicNum(fields.pic_num, pictures);
    const id = await insertId(
      this.app.db('campus_properties').insert({
        ...this.texts(fields),
        type: fields.type,
        state: fields.state ?? 0,
        occurrence_time: fields.occurrence_time || now,
        user_id: userId,
        publish_time: now,
        update_time: now,
        pic_num: picNum,
        ...pictures,
      }),
    );
    return { uid: id };
  }

  async update(userId: number, id: number, fields: PropertyFields): Promise<{ uid: number }> {
    const given = await this.pictures(fields);
    await transaction(this.app.db, async (trx) => {
      const row: PropertyRow | undefined = await trx('campus_properties').where({ id, user_id: userId, deleted_at: 0 }).forUpdate().first();
      if (!row) throw campusRefusals.propertyNotYours();
      const pictures = { pic_url1: row.pic_url1, pic_url2: row.pic_url2, pic_url3: row.pic_url3, ...given };
      const picNum = this.checkedPicNum(fields.pic_num, pictures);
      await trx('campus_properties').where({ id }).update({
        ...this.texts(fields),
        ...(fields.type === undefined ? {} : { type: fields.type }),
        ...(fields.state === undefined ? {} : { state: fields.state }),
        ...(fields.occurrence_time === undefined ? {} : { occurrence_time: fields.occurrence_time || Number(row.publish_time) }),
        pic_num: picNum,
        ...pictures,
        update_time: unixSeconds(this.app.clock),
      });
    });
    return { uid: id };
  }

  async remove(userId: number, id: number): Promise<{ uid: number }> {
    const now = unixSeconds(this.app.clock);
    const gone = await this.app.db('campus_properties').where({ id, user_id: userId, deleted_at: 0 }).update({ deleted_at: now, update_time: now });
    if (gone !== 1) throw campusRefusals.propertyNotYours();
    return { uid: id };
  }

  /** `key`: LIKE over lab, title, content, plus exact id / user_id when it is a number; else the filters (exact or fuzzy). */
  query(params: PropertyQuery, paging: Paging): Promise<Page<Property>> {
    const query = this.app.db('campus_properties').select('*').where({ type: params.type, deleted_at: 0 });
    if (params.key) {
      const key = params.key;
      query.where((q) => {
        for (const column of ['lab', 'title', 'content']) q.orWhere((inner) => whereLike(inner, column, key));
        if (/^\d{1,10}$/.test(key)) q.orWhere({ id: Number(key) }).orWhere({ user_id: Number(key) });
      });
    }
    for (const column of ['id', 'state', 'user_id', 'occurrence_time', 'publish_time', 'update_time'] as const) {
      if (params[column] !== undefined) query.where(column, params[column]!);
    }
    for (const column of ['lab', 'title', 'content', 'user_name'] as const) {
      if (params[column]) whereLike(query, column, params[column]!);
    }
    return pageOf<PropertyRow, Property>(query, paging, [], [['update_time', 'desc'], ['id', 'desc']], present);
  }

  private texts(fields: PropertyFields): Partial<Record<(typeof TEXT_KEYS)[number], string>> {
    const out: Partial<Record<(typeof TEXT_KEYS)[number], string>> = {};
    for (const key of TEXT_KEYS) if (fields[key] !== undefined) out[key] = fields[key];
    return out;
  }

  /** The picture parameters given, each resolved to a URL of ours ('' = none). */
  private async pictures(fields: PropertyFields): Promise<Partial<Record<(typeof PIC_KEYS)[number], string>>> {
    const out: Partial<Record<(typeof PIC_KEYS)[number], string>> = {};
    for (const key of PIC_KEYS) {
      const url = await resolvedPicture(this.app, fields[key], key);
      if (url !== undefined) out[key] = url;
    }
    return out;
  }

  /** pic_num must count the pictures present; left out, it is that count. */
  private checkedPicNum(picNum: number | undefined, pictures: Partial<Record<(typeof PIC_KEYS)[number], string>>): number {
    const present = PIC_KEYS.filter((k) => pictures[k]).length;
    if (picNum !== undefined && picNum !== present) throw campusRefusals.propertyPicNum();
    return present;
  }
}

export const propertyService = (app: AppContext): PropertyService => new PropertyService(app);
