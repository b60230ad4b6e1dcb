import { expect } from 'chai';
import { boundingBox, haversineMetres } from '../../../../../app/products/nearby/services/geo';
import { ok, refused, useNearbyServer } from '../../helpers';

describe('nearby distance.calc', () => {
  const f = useNearbyServer();

  it('answers the seed example exactly, without a login', async () => {
    const data = ok(await f.client.call('distance.calc', { lat1: 30.22625, lng1: 120.03185, lat2: 28.6756122, lng2: 121.362822 }));
    expect(data).to.deep.equal({ distance: 215498.4639470404 });
  });

  it('accepts numeric strings, and the same point is 0 m', async () => {
    const data = ok(await f.client.call('distance.calc', { lat1: '30.22625', lng1: '120.03185', lat2: 30.22625, lng2: 120.03185 }));
    expect(data).to.deep.equal({ distance: 0 });
  });

  it('refuses coordinates out of range or missing, naming the parameter', async () => {
    refused(await f.client.call('distance.calc', { lat1: 91, lng1: 0, lat2: 0, lng2: 0 }), /lat1/);
    refused(await f.client.call('distance.calc', { lat1: 0, lng1: -180.5, lat2: 0, lng2: 0 }), /lng1/);
    refused(await f.client.call('distance.calc', { lat1: 0, lng1: 0, lat2: 0 }), /lng2/);
    refused(await f.client.call('distance.calc', { lat1: 'north', lng1: 0, lat2: 0, lng2: 0 }), /lat1/);
  });

  it('the bounding box holds every point of the circle, across the antimeridian and at the poles', () => {
    const inside = (box: ReturnType<typeof boundingBox>, lat: number, lng: number) =>
      lat >= box.minLat && lat <= box.maxLat && (box.lngRanges.length === 0 || box.lngRanges.some(([w, e]) => lng >= w && lng <= e));
    const centres: Array<[number, number]> = [[30.22625, 120.03185], [0, 179.999], [0, -179.999], [89.9999, 10], [-89.9999, -10], [60, 0]];
    for (const [lat, lng] of centres) {
      for (const metres of [1, 500, 50_000]) {
        const box = boundingBox(lat, lng, metres);
        for (let bearing = 0; bearing < 360; bearing += 15) {
          // A point just inside the circle, walked from the centre along the bearing.
          const d = (metres * 0.999) / 6378137;
          const b = (bearing * Math.PI) / 180;
          const φ1 = (lat * Math.PI) / 180;
          const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(b));
          const λ2 = (lng * Math.PI) / 180 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
          const pLat = (φ2 * 180) / Math.PI;
          const pLng = ((((λ2 * 180) / Math.PI + 540) % 360) - 180);
          expect(haversineMetres(lat, lng, pLat, pLng)).to.be.at.most(metres);
          expect(inside(box, pLat, pLng), `${lat},${lng} r=${metres} bearing ${bearing}`).to.equal(true);
        }
      }
    }
  });
});
