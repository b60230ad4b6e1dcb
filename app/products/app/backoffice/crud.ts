import Joi from 'joi';
import type { Knex } from 'knex';
import type { AppContext, ServiceFactory } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { refuse } from '../../../core/errors';
import { adminIdField, idField } from '../../../core/fields';
import { formatTime } from '../../../core/time';
import { insertId, isUniqueViolation, transaction } from '../../../storage/db';
import { pageParam, paginate, type Page } from '../../../platform/paging';

export type Row = Record<string, unknown>;
export type Values = Record<string, unknown>;
export type CrudVerb = 'list' | 'add' | 'edit' | 'delete';

/** The soft-delete value of every content status column. */
export const DELETED = 2;

export interface ListFilter {
  schema: Joi.Schema;
  /** Narrows the list; default: `column = value` for the filter's own name. */
  apply?(query: Knex.QueryBuilder, value: unknown, app: AppContext): void;
}

/**
 * One back-office table: which parameters it takes and how they become columns. The generic service
 * below does the rest the same way for every family: paging, audit columns, not-found, soft delete.
 */
export interface CrudSpec {
  table: string;
  /** Primary key column, also the parameter that names a row in edit/delete and the key of add's answer. */
  id: string;
  /** "the ad position": error messages read "<noun> does not exist". */
  noun: string;
  /** The column holding 2 = deleted; null when rows are never deleted. */
  status: string | null;
  /** Writable parameters and their rules (without `.required()` or defaults). */
  fields: Record<string, Joi.Schema>;
  /** Parameters only add takes (they place the row; edit cannot move it). */
  addOnly?: readonly string[];
  /** Parameters add cannot do without. */
  required: readonly string[];
  /** Add's values for the optional parameters left out. */
  defaults?: Values;
  filters?: Record<string, ListFilter>;
  /** Unix-second columns the list answers as "YYYY-MM-DD HH:MM:SS" (c_time and u_time always). */
  times?: readonly string[];
  /** The 503 for a unique key violation ("… is taken"). */
  taken?: string;
  /** Extra rules over the whole add schema (e.g. one of two parameters). */
  addRule?(schema: Joi.ObjectSchema): Joi.ObjectSchema;
  /**
   * Parameters → columns, inside the write's transaction: checks references and cross-field rules and
   * refuses. `current` is the stored row on edit, null on add. Default: parameters are the columns.
   */
  prepare?(values: Values, current: Row | null, trx: Knex.Transaction, app: AppContext): Promise<Values>;
  /** Writes that live outside the row (e.g. news_data), in the same transaction. */
  afterSave?(id: number, values: Values, trx: Knex.Transaction): Promise<void>;
  /** Refuses to delete a row still in use. */
  beforeDelete?(row: Row, trx: Knex.Transaction): Promise<void>;
  /** Adds what the list shows besides the row (joined content, decoded bits). */
  present?(rows: Row[], app: AppContext): Promise<Row[]>;
}

export { adminIdField };

function listSchema(spec: CrudSpec): Joi.ObjectSchema {
  const filters = Object.fromEntries(Object.entries(spec.filters ?? {}).map(([name, f]) => [name, f.schema]));
  return Joi.object({ page: pageParam, ...filters });
}

function addSchema(spec: CrudSpec): Joi.ObjectSchema {
  const keys = Object.fromEntries(
    Object.entries(spec.fields).map(([name, rule]) => {
      if (spec.required.includes(name)) return [name, rule.required()];
      const fallback = spec.defaults?.[name];
      return [name, fallback === undefined ? rule : rule.default(fallback)];
    }),
  );
  const schema = Joi.object({ admin_id: adminIdField(), ...keys });
  return spec.addRule ? spec.addRule(schema) : schema;
}

function editableFields(spec: CrudSpec): string[] {
  return Object.keys(spec.fields).filter((name) => !spec.addOnly?.includes(name));
}

function editSchema(spec: CrudSpec): Joi.ObjectSchema {
  const names = editableFields(spec);
  return Joi.object({ admin_id: adminIdField(), [spec.id]: idField().required(), ...pick(spec.fields, names) })
    .or(...names)
    .messages({ 'object.missing': `give at least one field to change: ${names.join(', ')}` });
}

/** The joi schema of each verb, ready for defineMethod. */
export function crudSchemas(spec: CrudSpec): Record<CrudVerb, Joi.ObjectSchema> {
  return {
    list: listSchema(spec),
    add: addSchema(spec),
    edit: editSchema(spec),
    delete: Joi.object({ admin_id: adminIdField(), [spec.id]: idField().required() }),
  };
}

function pick<T>(params: Record<string, T>, names: string[]): Record<string, T> {
  return Object.fromEntries(names.filter((n) => params[n] !== undefined).map((n) => [n, params[n]]));
}

export class AdminCrud {
  constructor(
    private readonly app: AppContext,
    readonly spec: CrudSpec,
  ) {}

  /** Every row, whatever its status, newest first; filters narrow it. */
  async list(params: Values): Promise<Page<Row>> {
    const { spec, app } = this;
    const query = app.db(spec.table).select(`${spec.table}.*`).orderBy(`${spec.table}.${spec.id}`, 'desc');
    for (const [name, filter] of Object.entries(spec.filters ?? {})) {
      const value = params[name];
      if (value === undefined) continue;
      if (filter.apply) filter.apply(query, value, app);
      else query.where(`${spec.table}.${name}`, value as Knex.Value);
    }
    const page = await paginate<Row>(query, params.page as number, app.config.paging.pageSize, (row) => this.formatTimes(row));
    return { ...page, list: spec.present ? await spec.present(page.list, app) : page.list };
  }

  async add(params: Values): Promise<Record<string, number>> {
    const { spec } = this;
    const values = pick(params, Object.keys(spec.fields));
    const id = await this.write(async (trx) => {
      const columns = spec.prepare ? await spec.prepare(values, null, trx, this.app) : values;
      const now = unixSeconds(this.app.clock);
      const admin = params.admin_id as number;
      const newId = await insertId(trx(spec.table).insert({ ...columns, c_time: now, u_time: now, c_by: admin, u_by: admin }));
      if (spec.afterSave) await spec.afterSave(newId, values, trx);
      return newId;
    });
    return { [spec.id]: id };
  }

  async edit(params: Values): Promise<void> {
    const { spec } = this;
    const values = pick(params, editableFields(spec));
    await this.write(async (trx) => {
      const current = await this.current(trx, params[spec.id] as number);
      const columns = spec.prepare ? await spec.prepare(values, current, trx, this.app) : values;
      await this.touch(trx, current, columns, params.admin_id as number);
      if (spec.afterSave) await spec.afterSave(current[spec.id] as number, values, trx);
    });
  }

  /** Soft delete: the row stays, with status 2, out of every app answer. */
  async remove(params: Values): Promise<void> {
    const { spec } = this;
    if (!spec.status) throw new Error(`${spec.table} rows are not deleted`);
    const status = spec.status;
    await this.write(async (trx) => {
      const current = await this.current(trx, params[spec.id] as number);
      if (spec.beforeDelete) await spec.beforeDelete(current, trx);
      await this.touch(trx, current, { [status]: DELETED }, params.admin_id as number);
    });
  }

  /** The live row with this id, locked for the write, or 503 "<noun> does not exist". */
  async current(trx: Knex.Transaction, id: number): Promise<Row> {
    const { spec } = this;
    const query = trx(spec.table).where(spec.id, id).forUpdate();
    if (spec.status) query.whereNot(spec.status, DELETED);
    const row = (await query.first()) as Row | undefined;
    if (!row) throw refuse(`${spec.noun} does not exist`);
    return row;
  }

  private async touch(trx: Knex.Transaction, current: Row, columns: Values, adminId: number): Promise<void> {
    const { spec } = this;
    await trx(spec.table)
      .where(spec.id, current[spec.id] as number)
      .update({ ...columns, u_time: unixSeconds(this.app.clock), u_by: adminId });
  }

  private async write<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    try {
      return await transaction(this.app.db, work);
    } catch (err) {
      if (this.spec.taken && isUniqueViolation(err)) throw refuse(this.spec.taken);
      throw err;
    }
  }

  private formatTimes(row: Row): Row {
    const out: Row = { ...row };
    for (const column of ['c_time', 'u_time', ...(this.spec.times ?? [])]) {
      if (column in out) out[column] = formatTime(out[column] as number);
    }
    return out;
  }
}

/** A table's back-office family: its schemas and its service factory (one instance per AppContext). */
export interface CrudFamily {
  spec: CrudSpec;
  schemas: Record<CrudVerb, Joi.ObjectSchema>;
  service: ServiceFactory<AdminCrud>;
}

export function crudFamily(spec: CrudSpec): CrudFamily {
  return { spec, schemas: crudSchemas(spec), service: (app) => new AdminCrud(app, spec) };
}
