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

/** The region tree (province → city → district → street) addresses point into. */
export class DistrictService {
  constructor(private readonly app: AppContext) {}

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
      out.set(id, names);
    }
    return out;
  }
}

export const districtService = (app: AppContext): DistrictService => new DistrictService(app);
