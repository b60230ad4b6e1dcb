import type { Knex } from 'knex';
import type { AppContext } from '../../../../context';
import { refuse } from '../../../../core/errors';

export const CAT_TYPE = { NEWS: 1, LINK: 2, GOODS: 3 } as const;

/** One node of `system.category.list`; `sub` is keyed like the top level and `[]` on a leaf. */
export interface CategoryNode {
  cat_id: number;
  cat_name: string;
  parentid: number;
  cat_code: string;
  sub: CategoryTree | [];
}
export type CategoryTree = Record<string, CategoryNode>;

export interface CategoryRow {
  cat_id: number;
  cat_name: string;
  cat_type: number;
  parentid: number;
  lv: number;
  cat_code: string;
}

/**
 * `cat_code` spells the path from the root: 3 digits per level (siblings numbered from 100), padded with
 * 0 to 30 characters, so a subtree is a prefix and a tree is at most 10 levels deep.
 */
export const CODE_LENGTH = 30;
const SEGMENT = 3;
const FIRST_SIBLING = 100;
const LAST_SIBLING = 999;
export const MAX_DEPTH = CODE_LENGTH / SEGMENT;

/** The prefix every code in the category's subtree (itself included) starts with. */
export function subtreePrefix(category: Pick<CategoryRow, 'cat_code' | 'lv'>): string {
  return category.cat_code.slice(0, category.lv * SEGMENT);
}

const COLUMNS = ['cat_id', 'cat_name', 'cat_type', 'parentid', 'lv', 'cat_code'] as const;

export class CategoryService {
  constructor(private readonly app: AppContext) {}

  /** A live, displayed category of the type, or null. */
  async findLive(catId: number, catType: number): Promise<CategoryRow | null> {
    const row = (await this.app
      .db('categories')
      .select(...COLUMNS)
      .where({ cat_id: catId, cat_type: catType, status: 1, display: 1 })
      .first()) as CategoryRow | undefined;
    return row ?? null;
  }

  /** `system.category.list`: the live, displayed subtree under `parentid` (0 = the whole type). */
  async tree(catType: number, parentid: number): Promise<CategoryTree> {
    if (parentid !== 0 && !(await this.findLive(parentid, catType))) throw refuse('the parent category does not exist');
    const rows = (await this.app
      .db('categories')
      .select(...COLUMNS)
      .where({ cat_type: catType, status: 1, display: 1 })
      .orderBy([{ column: 'listorder', order: 'asc' }, { column: 'cat_id', order: 'asc' }])) as CategoryRow[];
    const children = new Map<number, CategoryRow[]>();
    for (const row of rows) {
      const siblings = children.get(Number(row.parentid)) ?? [];
      siblings.push(row);
      children.set(Number(row.parentid), siblings);
    }
    const build = (parent: number): CategoryTree => {
      const tree: CategoryTree = {};
      for (const row of children.get(parent) ?? []) {
        const sub = build(row.cat_id);
        tree[`0_${row.cat_id}`] = {
          cat_id: row.cat_id,
          cat_name: row.cat_name,
          parentid: Number(row.parentid),
          cat_code: row.cat_code,
          sub: Object.keys(sub).length ? sub : [],
        };
      }
      return tree;
    };
    return build(parentid);
  }

  /**
   * The code and level of a new child of `parentid` (0 = a root), inside `trx` so that two concurrent
   * adds under one parent collide on the UNIQUE code instead of sharing it. Deleted siblings keep their
   * numbers: codes are never reused.
   */
  async allocateCode(trx: Knex | Knex.Transaction, parentid: number): Promise<{ cat_code: string; lv: number }> {
    let prefix = '';
    let lv = 1;
    if (parentid !== 0) {
      const parent = (await trx('categories').select('cat_code', 'lv').where({ cat_id: parentid }).forUpdate().first()) as
        | Pick<CategoryRow, 'cat_code' | 'lv'>
        | undefined;
      if (!parent) throw refuse('the parent category does not exist');
      if (parent.lv >= MAX_DEPTH) throw refuse(`categories can be at most ${MAX_DEPTH} levels deep`);
      prefix = subtreePrefix(parent);
      lv = Number(parent.lv) + 1;
    }
    const siblings = (await trx('categories').select('cat_code').where({ parentid }).forUpdate()) as Array<{ cat_code: string }>;
    const used = siblings.map((s) => Number(s.cat_code.slice(prefix.length, prefix.length + SEGMENT)));
    const next = used.length ? Math.max(...used) + 1 : FIRST_SIBLING;
    if (next > LAST_SIBLING) throw refuse('this category has too many children');
    return { cat_code: (prefix + String(next)).padEnd(CODE_LENGTH, '0'), lv };
  }
}

export const categoryService = (app: AppContext): CategoryService => new CategoryService(app);
