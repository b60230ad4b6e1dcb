/**
 * Distances on the sphere (decision 7). The seed's example answers exactly 215498.4639470404 m: the
 * haversine with the equatorial radius taken in kilometres and scaled afterwards (R in metres differs
 * in the last bit), so the multiplication order below is part of the contract.
 */
const EARTH_RADIUS_KM = 6378.137;
const EARTH_RADIUS_M = EARTH_RADIUS_KM * 1000;
const rad = (degrees: number) => (degrees * Math.PI) / 180;
const deg = (radians: number) => (radians * 180) / Math.PI;

export function haversineMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = rad(lat2) - rad(lat1);
  const dLng = rad(lng2) - rad(lng1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * Math.asin(Math.sqrt(Math.min(1, a))) * EARTH_RADIUS_KM * 1000;
}

export interface BoundingBox {
  minLat: number;
  maxLat: number;
  /** One range, or two when the circle crosses the antimeridian; none means every longitude. */
  lngRanges: Array<[number, number]>;
}

/** A little slack so rounding never drops a point the exact distance would keep. */
const SLACK = 1e-9;

/**
 * The smallest lat/lng box holding every point within `metres` of the centre: plain comparisons an
 * index serves on both engines. Near a pole the box spans every longitude; across ±180° it splits in two.
 */
export function boundingBox(lat: number, lng: number, metres: number): BoundingBox {
  const angular = metres / EARTH_RADIUS_M;
  const dLat = deg(angular) + SLACK;
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  const reachesPole = lat + dLat >= 90 || lat - dLat <= -90;
  const ratio = Math.sin(angular) / Math.cos(rad(lat));
  if (reachesPole || ratio >= 1) return { minLat, maxLat, lngRanges: [] };
  const dLng = deg(Math.asin(ratio)) + SLACK;
  const west = lng - dLng;
  const east = lng + dLng;
  if (west < -180) return { minLat, maxLat, lngRanges: [[west + 360, 180], [-180, east]] };
  if (east > 180) return { minLat, maxLat, lngRanges: [[west, 180], [-180, east - 360]] };
  return { minLat, maxLat, lngRanges: [[west, east]] };
}

/** Posts are filed in bands of 0.01° of latitude (~1.1 km): the first column of the list index. */
const LAT_CELLS_PER_DEGREE = 100;

export const latCell = (lat: number): number => Math.floor(lat * LAT_CELLS_PER_DEGREE);

/** The bands a box touches, first to last. */
export function latCellRange(box: BoundingBox): [number, number] {
  return [latCell(box.minLat), latCell(box.maxLat)];
}
