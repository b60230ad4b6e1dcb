import type { AppContext } from '../../context';
import { refuse } from '../../core/errors';

export interface DistrictRow {
  districtid: number;
  parentid: number;
  name: string;
  region_type: number; // 1 province, 2 city, 3 district, 4 street
  status: number;
}

/** The names of a district's levels, as addresses answer them ('' for a level below the district). */
export interface DistrictNames {
  province_name: string;
  city_name: string;
  district_name: string;
  street_name: string;
}

const LEVEL_FIELD: Record<number, keyof DistrictNames> = { 1: 'province_name', 2: 'city_name', 3: 'district_name', 4: 'street_name' };
/** An address must name at least a district (level 3); a street (4) is finer still. */
export const MIN_ADDRESS_LEVEL = 3;
const MAX_DEPTH = 4;
/** Children lists are kept in process this long: the tree is static, but an operator may switch a row off. */
const CHILDREN_TTL_MS = 10 * 60_000;

/** One entry of `system.district.list`. */
export interface DistrictChild {
  districtid: number;
  name: string;
  region_type: number;
}

/**
 * The statistics code table gives municipalities a city level named 市辖区 (重庆 also 县) and groups the
 * counties a province governs directly under 省/自治区直辖县级行政区划. Neither is a city a person writes on
 * an address: a municipality's city is itself (北京市 北京市 朝阳区), the directly governed ones have none.
 */
function cityNameOnAddress({ province_name, city_name }: DistrictNames): string {
  if (city_name === '市辖区' || city_name === '县') return province_name;
  if (city_name.endsWith('直辖县级行政区划')) return '';
  return city_name;
}

/** The region tree (province → city → district → street) addresses point into. */
export class DistrictService {
  /** Only parents that have children are kept, so unknown ids cannot grow it: at most ~3,700 lists. */
  private readonly children = new Map<number, { list: DistrictChild[]; until: number }>();

  constructor(private readonly app: AppContext) {}

  /** The live children of a district (0 = the provinces), by code; [] for an unknown parent or a street. */
  async childrenOf(parentid: number): Promise<DistrictChild[]> {
    const now = this.app.clock.now();
    const cached = this.children.get(parentid);
    if (cached && cached.until > now) return cached.list;
    const list: DistrictChild[] = await this.app
      .db('districts')
      .where({ parentid, status: 1 })
      .orderBy('districtid')
      .select('districtid', 'name', 'region_type');
    if (list.length) this.children.set(parentid, { list, until: now + CHILDREN_TTL_MS });
    else this.children.delete(parentid);
    return list;
  }

  /** A live district an address may point at, or 503. */
  async requireAddressable(districtid: number): Promise<DistrictRow> {
    const row: DistrictRow | undefined = await this.app.db('districts').where({ districtid, status: 1 }).first();
    if (!row) throw refuse('区县ID有误');
    if (row.region_type < MIN_ADDRESS_LEVEL) throw refuse('地址须选到区县或街道');
    return row;
  }

  /** Names of every level above (and at) each id, one query per level however many ids. */
  async names(ids: number[]): Promise<Map<number, DistrictNames>> {
    const rows = new Map<number, DistrictRow>();
    let pending = [...new Set(ids)];
    for (let depth = 0; depth < MAX_DEPTH && pending.length > 0; depth++) {
      const found: DistrictRow[] = await this.app.db('districts').whereIn('districtid', pending);
      for (const row of found) rows.set(row.districtid, row);
      pending = [...new Set(found.map((r) => r.parentid))].filter((id) => id !== 0 && !rows.has(id));
    }
    const out = new Map<number, DistrictNames>();
    for (const id of ids) {
      const names: DistrictNames = { province_name: '', city_name: '', district_name: '', street_name: '' };
      for (let row = rows.get(id), depth = 0; row && depth < MAX_DEPTH; row = rows.get(row.parentid), depth++) {
        const field = LEVEL_FIELD[row.region_type];
        if (field) names[field] = row.name;
      }
      names.city_name = cityNameOnAddress(names);
      out.set(id, names);
    }
    return out;
  }
}

export const districtService = (app: AppContext): DistrictService => new DistrictService(app);
