import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { INIT_CONFIG } from '../services/content/configs';

/**
 * The settings `system.init` reads, present from the first start with empty values, so a back office's
 * `config.list` shows what there is to fill in (and in what format) before anyone has set it. An empty
 * value answers the same as an absent one: no button.
 */
const KNOWN_KEYS: ReadonlyArray<{ cfg_key: string; title: string; description: string }> = [
  { cfg_key: INIT_CONFIG.HOME_RIGHT_BTN_URL, title: 'APP 首页导航右侧按钮 URL', description: 'URL' },
  { cfg_key: INIT_CONFIG.SERVICE, title: '服务中心按钮', description: '按钮文字:::URL' },
  { cfg_key: INIT_CONFIG.ABOUT, title: '关于我们按钮', description: '按钮文字:::URL' },
  { cfg_key: INIT_CONFIG.FEEDBACK, title: '意见反馈按钮', description: '按钮文字:::URL' },
];

/** Reference data: adds the keys that are missing; a value an operator set is never touched. */
export async function install(app: AppContext): Promise<void> {
  const now = unixSeconds(app.clock);
  await app
    .db('configs')
    .insert(KNOWN_KEYS.map((key) => ({ ...key, cfg_value: '', c_time: now, u_time: now })))
    .onConflict('cfg_key')
    .ignore();
}
