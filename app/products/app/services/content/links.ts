import type { AppContext } from '../../../../context';
import { CAT_TYPE } from './categories';

export interface LinkGroup {
  cat_id: number;
  cat_name: string;
  links: Array<{ link_name: string; link_url: string; image_url: string }>;
}

type LinkRow = { cat_id: number; cat_name: string; link_name: string; link_url: string; image_url: string };

export class LinkService {
  constructor(private readonly app: AppContext) {}

  /** `system.link`: live, displayed links grouped by their live, displayed category, both in list order. */
  async groups(): Promise<LinkGroup[]> {
    const rows = (await this.app
      .db('links as l')
      .join('categories as c', 'c.cat_id', 'l.cat_id')
      .select('c.cat_id', 'c.cat_name', 'l.link_name', 'l.link_url', 'l.image_url')
      .where({ 'l.status': 1, 'l.display': 1, 'c.status': 1, 'c.display': 1, 'c.cat_type': CAT_TYPE.LINK })
      .orderBy([
        { column: 'c.listorder', order: 'asc' },
        { column: 'c.cat_id', order: 'asc' },
        { column: 'l.listorder', order: 'asc' },
        { column: 'l.link_id', order: 'asc' },
      ])) as LinkRow[];
    const groups = new Map<number, LinkGroup>();
    for (const row of rows) {
      let group = groups.get(row.cat_id);
      if (!group) {
        group = { cat_id: row.cat_id, cat_name: row.cat_name, links: [] };
        groups.set(row.cat_id, group);
      }
      group.links.push({ link_name: row.link_name, link_url: row.link_url, image_url: row.image_url });
    }
    return [...groups.values()];
  }
}

export const linkService = (app: AppContext): LinkService => new LinkService(app);
