import type { Knex } from 'knex';
import type { AppContext } from '../../context';
import { unixSeconds } from '../../core/clock';
import { refuse } from '../../core/errors';
import { formatTime } from '../../core/time';
import { insertId, isUniqueViolation, transaction } from '../../storage/db';
import { paginate, type Page } from '../paging';
import type { Channel } from './recipient';
import { CODE_PLACEHOLDER, TRIGGER_CODE, TRIGGER_SYSTEM, type ProofStyle, type VerifyTemplate } from './templates';

/** What the back office may set on a template; `namespaces` as a comma list of api types. */
export interface TemplateValues {
  send_key?: string;
  title?: string;
  body?: string;
  trigger_type?: number;
  namespaces?: string;
  provider_template_id?: string;
  send_channel?: Channel;
  ttl_sec?: number;
  code_length?: number;
  proof?: ProofStyle;
  status?: number;
}

export interface TemplateListFilter {
  page: number;
  send_key?: string;
  send_channel?: Channel;
  namespace?: string;
  status?: number;
}

type TemplateRow = VerifyTemplate & { c_time: number; u_time: number; c_by: number; u_by: number };
export type ListedTemplate = Omit<TemplateRow, 'c_time' | 'u_time'> & { c_time: string | null; u_time: string | null };

const COLUMNS = ['id', 'send_key', 'title', 'body', 'trigger_type', 'namespaces', 'provider_template_id', 'send_channel', 'ttl_sec', 'code_length', 'proof', 'status', 'c_time', 'u_time', 'c_by', 'u_by'];

/** The rules a whole template must meet, whichever fields a change touched. */
function assertCoherent(t: Required<Pick<TemplateValues, 'body' | 'trigger_type' | 'send_channel' | 'proof'>>): void {
  const hasCode = t.body.includes(CODE_PLACEHOLDER);
  if (t.trigger_type === TRIGGER_CODE && !hasCode) throw refuse(`the body of a code template must contain ${CODE_PLACEHOLDER}`);
  if (t.trigger_type === TRIGGER_SYSTEM) {
    if (hasCode) throw refuse(`a system notice has no code: remove ${CODE_PLACEHOLDER} from its body`);
    if (t.send_channel !== 'sms') throw refuse('system notices are sent by SMS only');
    if (t.proof !== 'code') throw refuse('proof applies to code templates only');
  }
}

/** Lists, adds and edits templates (`sms.template.*`); the code service reads them live, so a change counts at once. */
export class TemplateAdmin {
  constructor(private readonly app: AppContext) {}

  async list(filter: TemplateListFilter): Promise<Page<ListedTemplate>> {
    const query = this.app.db('sms_templates').select(COLUMNS).orderBy('id', 'desc');
    if (filter.send_key) query.where('send_key', filter.send_key);
    if (filter.send_channel) query.where('send_channel', filter.send_channel);
    if (filter.status !== undefined) query.where('status', filter.status);
    if (filter.namespace) {
      const ns = filter.namespace;
      query.where((q) => q.where('namespaces', ns).orWhere('namespaces', 'like', `${ns},%`).orWhere('namespaces', 'like', `%,${ns}`).orWhere('namespaces', 'like', `%,${ns},%`));
    }
    return paginate<TemplateRow, ListedTemplate>(query, filter.page, this.app.config.paging.pageSize, (row) => ({
      ...row,
      c_time: formatTime(row.c_time),
      u_time: formatTime(row.u_time),
    }));
  }

  /** Values not given take the defaults of a 6-digit SMS code of SMS_CODE_TTL_SEC. */
  async add(values: Required<Pick<TemplateValues, 'send_key' | 'title' | 'body' | 'namespaces'>> & TemplateValues, adminId: number): Promise<{ id: number }> {
    const row = {
      trigger_type: TRIGGER_CODE,
      provider_template_id: '',
      send_channel: 'sms' as Channel,
      ttl_sec: 0,
      code_length: 6,
      proof: 'code' as ProofStyle,
      status: 1,
      ...values,
    };
    assertCoherent(row);
    const now = unixSeconds(this.app.clock);
    const id = await this.write((trx) => insertId(trx('sms_templates').insert({ ...row, c_time: now, u_time: now, c_by: adminId, u_by: adminId })), row.send_key);
    return { id };
  }

  async edit(id: number, changes: TemplateValues, adminId: number): Promise<void> {
    await this.write(async (trx) => {
      const current: TemplateRow | undefined = await trx('sms_templates').where({ id }).forUpdate().first();
      if (!current) throw refuse('the template does not exist');
      assertCoherent({ ...current, trigger_type: Number(current.trigger_type), ...changes });
      await trx('sms_templates').where({ id }).update({ ...changes, u_time: unixSeconds(this.app.clock), u_by: adminId });
    }, changes.send_key);
  }

  private async write<T>(work: (trx: Knex.Transaction) => Promise<T>, sendKey: string | undefined): Promise<T> {
    try {
      return await transaction(this.app.db, work);
    } catch (err) {
      if (isUniqueViolation(err)) throw refuse(`send_key ${sendKey} is taken`);
      throw err;
    }
  }
}

export const templateAdmin = (app: AppContext): TemplateAdmin => new TemplateAdmin(app);
