import { defineJob } from '../../../platform/jobs/job';
import { nearbyRecommender } from '../services/recommend';

/** Item neighbours for recommend.item / recommend.index (decision 2), rebuilt hourly. */
export const nearbySimilarity = defineJob({
  name: 'nearby.similarity',
  summary: 'rebuilds nearby_item_similarity (item-based CF with time decay, top 50 per item)',
  everyMs: 3600_000,
  leaseMs: 5 * 60_000,
  async run(app) {
    return app.use(nearbyRecommender).rebuildSimilarity();
  },
});
