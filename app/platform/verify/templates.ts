import type { AppContext } from '../../context';
import { refuse } from '../../core/errors';
import { isUniqueViolation, transaction, type Knex } from '../../storage/db';
import type { ApiType } from '../gateway/appAuth';
import type { Channel } from './recipient';

export const TRIGGER_CODE = 1;
export const TRIGGER_SYSTEM = 2;

/** How a client proves it holds a code: the code itself, or (campus) also MD5(code + rand). */
export type ProofStyle = 'code' | 'md5_rand';
export const PROOF_STYLES: readonly ProofStyle[] = ['code', 'md5_rand'];

export const CODE_PLACEHOLDER = '%CODE%';
export const DEFAULT_CODE_LENGTH = 6;

/** A row of `sms_templates`: the message of one send_key, who may send it, and the rules of its codes. */
export interface VerifyTemplate {
  id: number;
  send_key: string;
  title: string;
  body: string;
  trigger_type: number;
  namespaces: string;
  provider_template_id: string;
  send_channel: Channel;
  /** 0 = the configured default (SMS_CODE_TTL_SEC). */
  ttl_sec: number;
  code_length: number;
  proof: ProofStyle;
  status: number;
}

export function namespacesOf(template: Pick<VerifyTemplate, 'namespaces'>): string[] {
  return template.namespaces
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

/**
 * The live template `key` of the given trigger type and channel, if `namespace` may send it; otherwise
 * 503. Read from the database on every send (one indexed row): a template the back office adds or
 * switches off counts at once, in every process.
 */
export async function liveTemplate(app: AppContext, key: string, namespace: ApiType, triggerType: number, channel: Channel): Promise<VerifyTemplate> {
  const row: VerifyTemplate | undefined = await app.db('sms_templates').where({ send_key: key, status: 1 }).first();
  const usable = row && namespacesOf(row).includes(namespace) && Number(row.trigger_type) === triggerType && row.send_channel === channel;
  if (!usable) throw refuse(channel === 'email' ? '邮件模板不存在' : '短信模板不存在');
  return row;
}

/** A template as a product's reference data declares it; the rule fields default to a 10-minute 6-digit code. */
export interface TemplateSeed {
  send_key: string;
  title: string;
  body: string;
  trigger_type: 1 | 2;
  namespaces: readonly ApiType[];
  send_channel?: Channel;
  ttl_sec?: number;
  code_length?: number;
  proof?: ProofStyle;
}

/**
 * Installs a product's templates (reference data, on every start): a missing template is added, and a
 * template another product installed first is granted this product's namespaces. Each grant is made
 * once, recorded in `verify_template_grants`: what an operator changed since (body, rules, a namespace
 * taken away, status) is never overwritten.
 */
export async function installTemplates(db: Knex, seeds: readonly TemplateSeed[], now: number): Promise<void> {
  // The usual start finds everything granted: one query, no transaction.
  const rows: Array<{ send_key: string; namespace: string }> = await db('verify_template_grants').whereIn('send_key', seeds.map((s) => s.send_key)).select('send_key', 'namespace');
  const granted = new Set(rows.map((row) => `${row.send_key} ${row.namespace}`));
  for (const seed of seeds) {
    if (seed.namespaces.every((n) => granted.has(`${seed.send_key} ${n}`))) continue;
    try {
      await installTemplate(db, seed, now);
    } catch (err) {
      // Another host starting at the same moment installed it first: what it wrote is what we wanted.
      if (!isUniqueViolation(err)) throw err;
    }
  }
}

async function installTemplate(db: Knex, seed: TemplateSeed, now: number): Promise<void> {
  await transaction(db, async (trx) => {
    const granted = new Set(
      (await trx('verify_template_grants').where({ send_key: seed.send_key }).select('namespace')).map((row: { namespace: string }) => row.namespace),
    );
    const pending = seed.namespaces.filter((n) => !granted.has(n));
    if (pending.length === 0) return;
    const row: { id: number; namespaces: string } | undefined = await trx('sms_templates').where({ send_key: seed.send_key }).first('id', 'namespaces');
    if (!row) {
      await trx('sms_templates').insert({
        send_key: seed.send_key,
        title: seed.title,
        body: seed.body,
        trigger_type: seed.trigger_type,
        namespaces: pending.join(','),
        send_channel: seed.send_channel ?? 'sms',
        ttl_sec: seed.ttl_sec ?? 0,
        code_length: seed.code_length ?? DEFAULT_CODE_LENGTH,
        proof: seed.proof ?? 'code',
        status: 1,
        c_time: now,
        u_time: now,
      });
    } else {
      const current = namespacesOf(row);
      const added = pending.filter((n) => !current.includes(n));
      if (added.length) await trx('sms_templates').where({ id: row.id }).update({ namespaces: [...current, ...added].join(','), u_time: now });
    }
    await trx('verify_template_grants').insert(pending.map((namespace) => ({ send_key: seed.send_key, namespace, c_time: now })));
  });
}
