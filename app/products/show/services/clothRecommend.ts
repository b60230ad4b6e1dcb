import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { transaction } from '../../../storage/db';
import { CLOTH_STATUS, parseTags, showClothes, type MCloth } from './clothes';
import type { OffsetPage } from './paging';

/** Neighbours kept per cloth in show_cloth_similarity. */
export const NEIGHBOURS_PER_CLOTH = 50;
/** The caller's latest likes a score looks at: the work per call stays bounded whatever they liked. */
const SCORED_LIKES = 200;
/** "Most liked" of the cold start counts the likes of the last 30 days. */
const POPULAR_WINDOW_SEC = 30 * 24 * 3600;
/** Scores are compared at this precision, so sums that differ only by rounding tie and the id decides. */
const SCORE_PRECISION = 1e9;

const rounded = (score: number) => Math.round(score * SCORE_PRECISION) / SCORE_PRECISION;
const byScoreThenId = (a: { score: number; id: number }, b: { score: number; id: number }) => b.score - a.score || a.id - b.id;

/**
 * Item-based collaborative filtering over cloth likes (decision 15): similarities are the cosine of two
 * clothes' liker sets, |U_a ∩ U_b| / √(|U_a|·|U_b|), precomputed by the job `show.similarity`. A shown
 * merchant cloth the caller has not liked scores Σ similarity to the clothes they liked (design and
 * merchant alike) + tag overlap, the share of its tags found among their liked clothes' tags. Clothes
 * scoring above 0 come first, best first; every other candidate follows, most liked in the last 30 days
 * first (the whole answer of a cold start). Each ordering ends on the id, so a fixed dataset always
 * answers the same.
 */
export class ShowClothRecommender {
  constructor(private readonly app: AppContext) {}

  /** Rebuilds show_cloth_similarity from every like, in one transaction: readers see the old table or the new. */
  async rebuildSimilarity(): Promise<{ clothes: number; pairs: number }> {
    const likes = (await this.app.db('show_cloth_likes').select('cloth_id', 'user_id').orderBy([{ column: 'user_id' }, { column: 'cloth_id' }])) as Array<{ cloth_id: number; user_id: number }>;
    const byUser = new Map<number, number[]>();
    const likers = new Map<number, number>();
    for (const like of likes) {
      const [user, cloth] = [Number(like.user_id), Number(like.cloth_id)];
      const clothes = byUser.get(user);
      if (clothes) clothes.push(cloth);
      else byUser.set(user, [cloth]);
      likers.set(cloth, (likers.get(cloth) ?? 0) + 1);
    }
    const together = new Map<number, Map<number, number>>();
    for (const clothes of byUser.values()) {
      for (const a of clothes) {
        const row = together.get(a) ?? new Map<number, number>();
        for (const b of clothes) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
        together.set(a, row);
      }
    }
    const rows: Array<{ cloth_id: number; similar_id: number; score: number }> = [];
    for (const [a, row] of [...together].sort((x, y) => x[0] - y[0])) {
      const neighbours = [...row]
        .map(([b, shared]) => ({ id: b, score: shared / Math.sqrt(likers.get(a)! * likers.get(b)!) }))
        .sort(byScoreThenId)
        .slice(0, NEIGHBOURS_PER_CLOTH);
      for (const n of neighbours) rows.push({ cloth_id: a, similar_id: n.id, score: n.score });
    }
    await transaction(this.app.db, async (trx) => {
      await trx('show_cloth_similarity').delete();
      for (let k = 0; k < rows.length; k += 500) await trx('show_cloth_similarity').insert(rows.slice(k, k + 500));
    });
    return { clothes: together.size, pairs: rows.length };
  }

  /** The ids of every shown merchant cloth `userId` has not liked, in recommendation order. */
  async rankedFor(userId: number): Promise<number[]> {
    const db = this.app.db;
    const likes = (await db('show_cloth_likes').where({ user_id: userId }).select('cloth_id').orderBy([{ column: 'c_time', order: 'desc' }, { column: 'cloth_id', order: 'desc' }])) as Array<{ cloth_id: number }>;
    const liked = new Set(likes.map((l) => Number(l.cloth_id)));
    const scoredOn = likes.slice(0, SCORED_LIKES).map((l) => Number(l.cloth_id));

    const candidates = ((await db('show_clothes').where({ kind: 'merchant', status: CLOTH_STATUS.ON }).select('id', 'tags')) as Array<{ id: number; tags: string }>)
      .map((c) => ({ id: Number(c.id), tags: parseTags(c.tags) }))
      .filter((c) => !liked.has(c.id));

    const similarity = new Map<number, number>();
    const profile = new Set<string>();
    if (scoredOn.length) {
      const [neighbours, likedTags] = await Promise.all([
        db('show_cloth_similarity').whereIn('cloth_id', scoredOn).select('similar_id', 'score').orderBy([{ column: 'cloth_id' }, { column: 'similar_id' }]) as Promise<Array<{ similar_id: number; score: number }>>,
        db('show_clothes').whereIn('id', scoredOn).select('tags') as Promise<Array<{ tags: string }>>,
      ]);
      for (const n of neighbours) similarity.set(Number(n.similar_id), (similarity.get(Number(n.similar_id)) ?? 0) + Number(n.score));
      for (const row of likedTags) for (const tag of parseTags(row.tags)) profile.add(tag);
    }

    const scored = candidates
      .map((c) => {
        const overlap = c.tags.length ? c.tags.filter((t) => profile.has(t)).length / c.tags.length : 0;
        return { id: c.id, score: rounded((similarity.get(c.id) ?? 0) + overlap) };
      })
      .filter((c) => c.score > 0)
      .sort(byScoreThenId);
    const chosen = new Set(scored.map((c) => c.id));
    const rest = candidates.filter((c) => !chosen.has(c.id));
    const popularity = rest.length ? await this.recentLikes() : new Map<number, number>();
    const filler = rest.map((c) => ({ id: c.id, score: popularity.get(c.id) ?? 0 })).sort(byScoreThenId);
    return [...scored, ...filler].map((c) => c.id);
  }

  /** `recommend.merchant.cloth.list`: one page of the ranking as MCloth. */
  async page(userId: number, page: { limit: number; offset: number }): Promise<OffsetPage<MCloth>> {
    const ranked = await this.rankedFor(userId);
    const clothes = this.app.use(showClothes);
    const rows = await clothes.byIds(ranked.slice(page.offset, page.offset + page.limit));
    return { rows: await clothes.presentMerchant(rows, userId), total: ranked.length, isnext: page.offset + page.limit < ranked.length };
  }

  /** Likes of the last 30 days per cloth, read from the (c_time, cloth_id) index alone. */
  private async recentLikes(): Promise<Map<number, number>> {
    const since = unixSeconds(this.app.clock) - POPULAR_WINDOW_SEC;
    const rows = (await this.app.db('show_cloth_likes').where('c_time', '>=', since).groupBy('cloth_id').select('cloth_id').count({ likes: '*' })) as Array<{ cloth_id: number; likes: number | string }>;
    return new Map(rows.map((r) => [Number(r.cloth_id), Number(r.likes)]));
  }
}

export const showClothRecommender = (app: AppContext): ShowClothRecommender => new ShowClothRecommender(app);
