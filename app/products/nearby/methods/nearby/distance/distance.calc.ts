import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { latitudeField, longitudeField } from '../../../fields';
import { haversineMetres } from '../../../services/geo';

interface Params {
  lat1: number;
  lng1: number;
  lat2: number;
  lng2: number;
}

export const distanceCalc = defineMethod<Params, { distance: number }>({
  name: 'distance.calc',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'Great-circle distance in metres between two points (haversine, decision 7).',
  schema: Joi.object({
    lat1: latitudeField().required(),
    lng1: longitudeField().required(),
    lat2: latitudeField().required(),
    lng2: longitudeField().required(),
  }),
  async handler({ lat1, lng1, lat2, lng2 }) {
    return { distance: haversineMetres(lat1, lng1, lat2, lng2) };
  },
});
