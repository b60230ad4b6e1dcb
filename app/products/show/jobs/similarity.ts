import { defineJob } from '../../../platform/jobs/job';
import { showClothRecommender } from '../services/clothRecommend';

/** Cloth neighbours for recommend.merchant.cloth.list (decision 15), rebuilt hourly. */
export const showSimilarity = defineJob({
  name: 'show.similarity',
  summary: 'rebuilds show_cloth_similarity (cosine over the likers of each pair of clothes, top 50 per cloth)',
  everyMs: 3600_000,
  leaseMs: 5 * 60_000,
  async run(app) {
    return app.use(showClothRecommender).rebuildSimilarity();
  },
});
