import type { AppContext } from '../../../context';
import { insertId, transaction } from '../../../storage/db';
import { nearbyErrors } from '../errors';
import { nearbyActionService } from './actions';
import { boundingBox, haversineMetres, latCell, latCellRange } from './geo';
import { nearbyItemService, presentItem, type Item } from './items';
import { nearbyPeople } from './people';

export interface Post {
  community_id: number;
  user: { username: string; nickname: string };
  content: string;
  item: Item | null;
  add_time: number;
  update_time: number;
  distance: number;
}

interface PostRow {
  id: number;
  user_id: number;
  content: string;
  item_id: number | null;
  lat: number;
  lng: number;
  add_ms: number;
  update_ms: number;
  deleted_ms: number | null;
}

export interface Place {
  latitude: number;
  longitude: number;
}

/**
 * At most this many candidates of the bounding box are measured per list call; `total` counts the
 * matches among them, so past this many posts inside the box `total` is a lower bound (README).
 */
/** A post's place columns: `lat_cell` is derived here, on every write, and nowhere else. */
export const postPlace = (place: Place): { lat: number; lng: number; lat_cell: number } => ({ lat: place.latitude, lng: place.longitude, lat_cell: latCell(place.latitude) });

export const CANDIDATE_CAP = 5000;

const seconds = (ms: number) => Number(ms) / 1000;
/** How long an unchanged place goes without being written again. */
const REMEMBER_TTL_MS = 10 * 60_000;

/** Residents' posts with a place (decisions 6–9): published, listed by distance, edited and removed by their author. */
export class NearbyPostService {
  constructor(private readonly app: AppContext) {}

  /** Where the caller stands: the coordinates sent, else the last place they listed from. */
  private async placeOf(userId: number, place: Partial<Place>): Promise<Place> {
    if (place.latitude !== undefined && place.longitude !== undefined) return place as Place;
    const last = await this.app.db('nearby_user_locations').where({ user_id: userId }).first('lat', 'lng');
    if (!last) throw nearbyErrors.locationUnknown();
    return { latitude: Number(last.lat), longitude: Number(last.lng) };
  }

  async publish(userId: number, params: { content: string; item_id?: string } & Partial<Place>): Promise<{ community_id: number }> {
    const item = params.item_id ? await this.app.use(nearbyItemService).require(params.item_id) : undefined;
    const place = await this.placeOf(userId, params);
    const now = this.app.clock.now();
    const id = await transaction(this.app.db, async (trx) => {
      const postId = await insertId(
        trx('nearby_posts').insert({
          user_id: userId,
          content: params.content,
          item_id: item ? item.id : null,
          ...postPlace(place),
          add_ms: now,
          update_ms: now,
        }),
      );
      // Pointing at an item in a post says "I like this" (decision 1).
      if (item) await this.app.use(nearbyActionService).record(userId, Number(item.id), 'like', now, trx);
      return postId;
    });
    return { community_id: id };
  }

  /**
   * Posts within `distance` metres, newest first: a bounding box on the (lat, lng) index narrows the
   * candidates, the exact haversine decides. The caller's place is kept for a later `publish`.
   */
  async list(userId: number, params: Place & { distance: number; start: number; limit: number }): Promise<{ num: number; total: number; list: Post[] }> {
    const { latitude, longitude } = params;
    await this.remember(userId, params);
    const box = boundingBox(latitude, longitude, params.distance);
    // One index range per latitude band, each on the box's longitudes, and every column read from the
    // index itself (migration 210). MySQL would rather walk add_ms newest first through every post.
    const [firstCell, lastCell] = latCellRange(box);
    const cells = Array.from({ length: lastCell - firstCell + 1 }, (_, i) => firstCell + i);
    const table = this.app.config.db.client === 'mysql' ? this.app.db.raw('?? FORCE INDEX (??)', ['nearby_posts', 'nearby_posts_cell_index']) : 'nearby_posts';
    const query = this.app
      .db(table)
      .whereIn('lat_cell', cells)
      .whereNull('deleted_ms')
      .whereBetween('lat', [box.minLat, box.maxLat])
      .select('id', 'lat', 'lng')
      .orderBy([{ column: 'add_ms', order: 'desc' }, { column: 'id', order: 'desc' }])
      .limit(CANDIDATE_CAP);
    if (box.lngRanges.length) {
      query.where((w) => {
        for (const [west, east] of box.lngRanges) w.orWhereBetween('lng', [west, east]);
      });
    }
    const candidates: Array<{ id: number; lat: number; lng: number }> = await query;
    const within = candidates
      .map((c) => ({ id: Number(c.id), distance: haversineMetres(latitude, longitude, Number(c.lat), Number(c.lng)) }))
      .filter((c) => c.distance <= params.distance);
    const page = within.slice(params.start, params.start + params.limit);
    const list = await this.present(page);
    return { num: list.length, total: within.length, list };
  }

  /**
   * Keeps the caller's place for a later `publish` without a database write on every list call: the
   * KV store remembers what was written last (shared by every process), and an unchanged place within
   * REMEMBER_TTL_MS is not written again.
   */
  private async remember(userId: number, place: Place): Promise<void> {
    const key = `nearby:loc:${userId}`;
    const value = `${place.latitude},${place.longitude}`;
    if ((await this.app.kv.get(key)) === value) return;
    const row = { user_id: userId, lat: place.latitude, lng: place.longitude, updated_ms: this.app.clock.now() };
    await this.app.db('nearby_user_locations').insert(row).onConflict('user_id').merge(['lat', 'lng', 'updated_ms']);
    await this.app.kv.set(key, value, { ttlMs: REMEMBER_TTL_MS });
  }

  private async present(page: Array<{ id: number; distance: number }>): Promise<Post[]> {
    if (page.length === 0) return [];
    const rows: PostRow[] = await this.app.db('nearby_posts').whereIn('id', page.map((p) => p.id));
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    const people = await this.app.use(nearbyPeople).byIds(rows.map((r) => Number(r.user_id)));
    const itemIds = rows.map((r) => r.item_id).filter((id): id is number => id !== null).map(Number);
    const items = new Map((await this.app.use(nearbyItemService).byIds(itemIds)).map((i) => [Number(i.id), i]));
    return page.map(({ id, distance }) => {
      const row = byId.get(id)!;
      const author = people.get(Number(row.user_id));
      const item = row.item_id === null ? undefined : items.get(Number(row.item_id));
      return {
        community_id: id,
        user: { username: author?.username ?? '', nickname: author?.nickname ?? '' },
        content: row.content,
        item: item ? presentItem(item) : null,
        add_time: seconds(row.add_ms),
        update_time: seconds(row.update_ms),
        distance,
      };
    });
  }

  private async own(userId: number, postId: number): Promise<PostRow> {
    const row: PostRow | undefined = await this.app.db('nearby_posts').where({ id: postId }).whereNull('deleted_ms').first();
    if (!row) throw nearbyErrors.postNotFound();
    if (Number(row.user_id) !== userId) throw nearbyErrors.notYourPost();
    return row;
  }

  /** New content and/or item; `item_id: ""` detaches the item. */
  async update(userId: number, params: { community_id: number; content?: string; item_id?: string }): Promise<void> {
    if (params.content === undefined && params.item_id === undefined) throw nearbyErrors.nothingToUpdate();
    const row = await this.own(userId, params.community_id);
    const changes: Partial<PostRow> = { update_ms: this.app.clock.now() };
    if (params.content !== undefined) changes.content = params.content;
    if (params.item_id !== undefined) {
      if (params.item_id === '') changes.item_id = null;
      else {
        const item = await this.app.use(nearbyItemService).find(/^\d{1,10}$/.test(params.item_id) ? params.item_id : 0);
        // The catalogue's 101: an item that does not exist, told apart from the post's own 100.
        if (!item) throw nearbyErrors.itemNotFound();
        changes.item_id = Number(item.id);
      }
    }
    await this.app.db('nearby_posts').where({ id: row.id }).update(changes);
  }

  async remove(userId: number, postId: number): Promise<void> {
    const row = await this.own(userId, postId);
    await this.app.db('nearby_posts').where({ id: row.id }).whereNull('deleted_ms').update({ deleted_ms: this.app.clock.now() });
  }
}

export const nearbyPostService = (app: AppContext): NearbyPostService => new NearbyPostService(app);
