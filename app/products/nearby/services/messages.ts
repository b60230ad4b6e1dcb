import type { AppContext } from '../../../context';
import type { Knex } from '../../../storage/db';
import { insertId } from '../../../storage/db';
import { nearbyErrors } from '../errors';
import { IF_NEW, type IfNew } from '../fields';
import { nearbyPeople, type Person } from './people';

export interface Msg {
  msg_id: number;
  type: string;
  subtype: string;
  title: string;
  content: string;
  add_time: number;
  status: boolean;
  extra: string;
}
export interface PMsg extends Msg {
  /** 0 received, 1 sent */
  source: 0 | 1;
}

interface MessageRow {
  id: number;
  sender_id: number | null;
  receiver_id: number | null;
  type: string;
  subtype: string;
  title: string;
  content: string;
  extra: string;
  add_ms: number;
  /** read by the receiver (the caller for received ones, the partner for sent ones) */
  read_ms: number | null;
}

export const PRIVATE_TYPE = 'private';
/** The most messages one list answer carries (the seed's lists are unpaged). */
export const MESSAGE_LIST_CAP = 500;

const present = (row: MessageRow): Msg => ({
  msg_id: Number(row.id),
  type: row.type,
  subtype: row.subtype,
  title: row.title,
  content: row.content,
  add_time: Number(row.add_ms) / 1000,
  status: row.read_ms !== null && row.read_ms !== undefined,
  extra: row.extra,
});

const matchesReadState = (row: MessageRow, ifNew: IfNew) =>
  ifNew === IF_NEW.ALL || (ifNew === IF_NEW.READ ? row.read_ms !== null : row.read_ms === null);

/**
 * One read model for broadcasts, system notices and private chats (decisions 10–12). A message from
 * nobody (`sender_id` NULL) is a system message; to nobody (`receiver_id` NULL) a broadcast, which
 * reaches the users registered before it. Reads are rows per (message, reader), so a broadcast is read
 * per person and a chat message by its one receiver.
 */
export class NearbyMessageService {
  constructor(private readonly app: AppContext) {}

  private async me(userId: number): Promise<Person> {
    const me = await this.app.use(nearbyPeople).byId(userId);
    if (!me) throw nearbyErrors.userNotFound();
    return me;
  }

  /** Messages the caller received (system ones and chats), with the caller's read state, newest first. */
  private received(me: Person, db: Knex = this.app.db): Knex.QueryBuilder {
    return db('nearby_messages as m')
      .leftJoin('nearby_message_reads as r', (j) => j.on('r.message_id', 'm.id').andOnVal('r.user_id', '=', me.id))
      .where((w) =>
        w.where('m.receiver_id', me.id).orWhere((b) => b.whereNull('m.receiver_id').whereNull('m.sender_id').where('m.add_ms', '>=', me.c_time * 1000)),
      )
      .select('m.*', 'r.read_ms')
      .orderBy('m.id', 'desc');
  }

  /** Chat messages to or from the caller (optionally with one partner); read state is the receiver's. */
  private chats(me: Person, partner?: Person): Knex.QueryBuilder {
    const q = this.app
      .db('nearby_messages as m')
      .leftJoin('nearby_message_reads as r', (j) => j.on('r.message_id', 'm.id').andOn('r.user_id', 'm.receiver_id'))
      .whereNotNull('m.sender_id')
      .whereNotNull('m.receiver_id')
      .select('m.*', 'r.read_ms')
      .orderBy('m.id', 'desc');
    if (partner) {
      q.where((w) =>
        w.where({ 'm.sender_id': me.id, 'm.receiver_id': partner.id }).orWhere({ 'm.sender_id': partner.id, 'm.receiver_id': me.id }),
      );
    } else {
      q.where((w) => w.where('m.sender_id', me.id).orWhere('m.receiver_id', me.id));
    }
    return q;
  }

  async hasNew(userId: number): Promise<{ sys: number; private: number; private_detail: Record<string, number> }> {
    const me = await this.me(userId);
    const unread: MessageRow[] = await this.received(me).whereNull('r.read_ms').limit(10_000);
    const fromPeople = unread.filter((m) => m.sender_id !== null);
    const senders = await this.app.use(nearbyPeople).byIds(fromPeople.map((m) => Number(m.sender_id)));
    const detail: Record<string, number> = {};
    for (const m of fromPeople) {
      const name = senders.get(Number(m.sender_id))?.username ?? '';
      detail[name] = (detail[name] ?? 0) + 1;
    }
    return { sys: unread.length - fromPeople.length, private: fromPeople.length, private_detail: detail };
  }

  async system(userId: number, ifNew: IfNew): Promise<{ num: number; list: Msg[] }> {
    const me = await this.me(userId);
    const rows: MessageRow[] = await this.received(me).whereNull('m.sender_id').limit(MESSAGE_LIST_CAP * 4);
    const list = rows.filter((r) => matchesReadState(r, ifNew)).slice(0, MESSAGE_LIST_CAP).map(present);
    return { num: list.length, list };
  }

  async filter(userId: number, params: { type: string; subtype: string; if_new: IfNew }): Promise<{ num: number; list: Msg[] }> {
    const me = await this.me(userId);
    const query = this.received(me).where('m.type', params.type);
    if (params.subtype) query.where('m.subtype', params.subtype);
    const rows: MessageRow[] = await query.limit(MESSAGE_LIST_CAP * 4);
    const list = rows.filter((r) => matchesReadState(r, params.if_new)).slice(0, MESSAGE_LIST_CAP).map(present);
    return { num: list.length, list };
  }

  private async partner(username: string): Promise<Person | undefined> {
    if (!username) return undefined;
    const partner = await this.app.use(nearbyPeople).byUsername(username);
    if (!partner) throw nearbyErrors.userNotFound();
    return partner;
  }

  /**
   * `msg.private`: the read-state filter first, then `start`/`limit` over the records (newest first),
   * then grouped by partner, groups by their latest record. Unread means received and unread: the
   * caller's own sent-but-unread messages are left out of it (seed rule).
   */
  async privateMessages(
    userId: number,
    params: { if_new: IfNew; people: string; start: number; limit: number },
  ): Promise<{ records_num: number; unit_num: number; list: Array<{ people: string; num: number; records: PMsg[] }> }> {
    const me = await this.me(userId);
    const partner = await this.partner(params.people);
    const rows: MessageRow[] = await this.chats(me, partner).limit(MESSAGE_LIST_CAP * 4);
    const filtered = rows.filter((r) => {
      if (params.if_new === IF_NEW.UNREAD) return Number(r.receiver_id) === me.id && r.read_ms === null;
      return matchesReadState(r, params.if_new);
    });
    const end = params.limit < 0 ? undefined : params.start + params.limit;
    const page = filtered.slice(params.start, end).slice(0, MESSAGE_LIST_CAP);
    const partnerOf = (r: MessageRow) => (Number(r.sender_id) === me.id ? Number(r.receiver_id) : Number(r.sender_id));
    const people = await this.app.use(nearbyPeople).byIds(page.map(partnerOf));
    const groups = new Map<number, PMsg[]>();
    for (const r of page) {
      const records = groups.get(partnerOf(r)) ?? [];
      records.push({ ...present(r), source: Number(r.sender_id) === me.id ? 1 : 0 });
      groups.set(partnerOf(r), records);
    }
    const list = [...groups].map(([id, records]) => ({ people: people.get(id)?.username ?? '', num: records.length, records }));
    return { records_num: page.length, unit_num: list.length, list };
  }

  /** One row per chat partner with the last message either way, latest conversation first. */
  async conversations(userId: number): Promise<{ num: number; list: Array<Record<string, unknown>> }> {
    const me = await this.me(userId);
    const rows: MessageRow[] = await this.chats(me).limit(MESSAGE_LIST_CAP * 20);
    const last = new Map<number, MessageRow>();
    for (const r of rows) {
      const partner = Number(r.sender_id) === me.id ? Number(r.receiver_id) : Number(r.sender_id);
      if (!last.has(partner)) last.set(partner, r);
    }
    const people = await this.app.use(nearbyPeople).byIds([...last.keys()]);
    const list = [...last].slice(0, MESSAGE_LIST_CAP).map(([partner, r]) => {
      const msg = present(r);
      return {
        username: people.get(partner)?.username ?? '',
        nickname: people.get(partner)?.nickname ?? '',
        msg_id: msg.msg_id,
        status: msg.status,
        add_time: msg.add_time,
        title: msg.title,
        content: msg.content,
        type: msg.type,
        subtype: msg.subtype,
        extra: msg.extra,
      };
    });
    return { num: list.length, list };
  }

  private async markRead(db: Knex, userId: number, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const now = this.app.clock.now();
    for (let k = 0; k < ids.length; k += 500) {
      await db('nearby_message_reads')
        .insert(ids.slice(k, k + 500).map((id) => ({ message_id: id, user_id: userId, read_ms: now })))
        .onConflict(['message_id', 'user_id'])
        .ignore();
    }
  }

  /** Marks one received message read; already read is fine. */
  async sign(userId: number, msgId: number): Promise<void> {
    const me = await this.me(userId);
    const row = await this.received(me).where('m.id', msgId).first();
    if (!row) throw nearbyErrors.messageNotFound();
    await this.markRead(this.app.db, me.id, [msgId]);
  }

  async signBatch(userId: number, params: { sys: number; private: number; people: string }): Promise<void> {
    const me = await this.me(userId);
    const partner = await this.partner(params.people);
    const ids: number[] = [];
    if (params.sys) {
      const rows: MessageRow[] = await this.received(me).whereNull('m.sender_id').whereNull('r.read_ms');
      ids.push(...rows.map((r) => Number(r.id)));
    }
    if (params.private) {
      const query = this.received(me).whereNotNull('m.sender_id').whereNull('r.read_ms');
      if (partner) query.where('m.sender_id', partner.id);
      const rows: MessageRow[] = await query;
      ids.push(...rows.map((r) => Number(r.id)));
    }
    await this.markRead(this.app.db, me.id, ids);
  }

  async send(userId: number, params: { receiver: string; title: string; content: string }): Promise<{ msg_id: number }> {
    const receiver = await this.app.use(nearbyPeople).byUsername(params.receiver);
    if (!receiver) throw nearbyErrors.receiverNotFound();
    if (receiver.id === userId) throw nearbyErrors.messageToSelf();
    const id = await insertId(
      this.app.db('nearby_messages').insert({
        sender_id: userId,
        receiver_id: receiver.id,
        type: PRIVATE_TYPE,
        subtype: 'default',
        title: params.title,
        content: params.content,
        extra: '',
        add_ms: this.app.clock.now(),
      }),
    );
    return { msg_id: id };
  }

  /** A system message from the back office: to one user by username, or a broadcast when none is named. */
  async sendSystem(params: { title: string; content: string; type: string; subtype: string; extra: string; receiver?: string }): Promise<{ msg_id: number }> {
    let receiverId: number | null = null;
    if (params.receiver) {
      const receiver = await this.app.use(nearbyPeople).byUsername(params.receiver);
      if (!receiver) throw nearbyErrors.receiverNotFound();
      receiverId = receiver.id;
    }
    const id = await insertId(
      this.app.db('nearby_messages').insert({
        sender_id: null,
        receiver_id: receiverId,
        type: params.type,
        subtype: params.subtype,
        title: params.title,
        content: params.content,
        extra: params.extra,
        add_ms: this.app.clock.now(),
      }),
    );
    return { msg_id: id };
  }
}

export const nearbyMessageService = (app: AppContext): NearbyMessageService => new NearbyMessageService(app);
