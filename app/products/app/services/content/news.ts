import type { AppContext } from '../../../../context';
import { refuse } from '../../../../core/errors';
import { formatTime } from '../../../../core/time';
import type { JsonText } from '../../../../core/jsonText';
import { cachedList, paginate, type Page } from '../../../../platform/paging';
import { unseenByCaches } from '../../../../storage/readCache';
import { CAT_TYPE, categoryService, subtreePrefix } from './categories';

export interface NewsItem {
  news_id: number;
  title: string;
  intro: string;
  image_url: string;
  source: string;
  c_time: string | null;
}
export interface NewsDetail extends NewsItem {
  content: string;
}

/** `news.list` without a category. */
export const ALL_CATEGORIES = -1;

const COLUMNS = ['n.news_id', 'n.title', 'n.intro', 'n.image_url', 'n.source', 'n.c_time'];
type NewsRow = Omit<NewsItem, 'c_time'> & { c_time: number; content?: string | null };

const item = (row: NewsRow): NewsItem => ({
  news_id: row.news_id,
  title: row.title,
  intro: row.intro,
  image_url: row.image_url,
  source: row.source,
  c_time: formatTime(Number(row.c_time)),
});

/** Published articles: live and displayed, newest first; a category means its whole subtree. */
export class NewsService {
  constructor(private readonly app: AppContext) {}

  /** Live, displayed articles whose own category is live and displayed too (hiding a category hides its news). */
  private published() {
    return this.app
      .db('news as n')
      .join('categories as c', 'c.cat_id', 'n.cat_id')
      .where({ 'n.status': 1, 'n.display': 1, 'c.status': 1, 'c.display': 1 });
  }

  /** Cached: the back office's writes to news and categories (and nothing else) change it. */
  list(catId: number, page: number): Promise<JsonText<Page<NewsItem>>> {
    return cachedList(this.app.db, ['categories', 'news'], `news:${catId}:${page}`, () => this.listNow(catId, page));
  }

  private async listNow(catId: number, page: number): Promise<Page<NewsItem>> {
    const query = this.published().select(COLUMNS).orderBy('n.news_id', 'desc');
    if (catId !== ALL_CATEGORIES) {
      const category = await this.app.use(categoryService).findLive(catId, CAT_TYPE.NEWS);
      if (!category) throw refuse('the news category does not exist');
      query.where('c.cat_code', 'like', `${subtreePrefix(category)}%`);
    }
    return paginate(query, page, this.app.config.paging.pageSize, item);
  }

  /** One article with its HTML; each read counts a hit. */
  async detail(newsId: number): Promise<NewsDetail> {
    const row = (await this.published()
      .leftJoin('news_data as d', 'd.news_id', 'n.news_id')
      .select([...COLUMNS, 'd.content'])
      .where('n.news_id', newsId)
      .first()) as NewsRow | undefined;
    if (!row) throw refuse('the news does not exist or has been deleted');
    await unseenByCaches(this.app.db('news').where({ news_id: newsId }).increment('hits', 1));
    return { ...item(row), content: row.content ?? '' };
  }
}

export const newsService = (app: AppContext): NewsService => new NewsService(app);
