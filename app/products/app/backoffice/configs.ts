import Joi from 'joi';
import { refuse } from '../../../core/errors';
import { INIT_CONFIG, configService, parseTxtUrl } from '../services/content/configs';
import { adminIdField, crudFamily } from './crud';
import { linkUrl, optionalText } from './fields';

const cfgKey = () => Joi.string().trim().pattern(/^[A-Z0-9_]{1,30}$/).messages({ 'string.pattern.base': '{{#label}} must be 1 to 30 of A-Z, 0-9 and "_"' });
// 16,000 characters fit a TEXT column even at 4 bytes each.
const cfgValue = () => Joi.string().max(16_000).allow('');

/** Settings are set (created or replaced) rather than added; the family serves config.list. */
export const configsAdmin = crudFamily({
  table: 'configs',
  id: 'id',
  noun: 'the config',
  status: null,
  fields: { cfg_key: cfgKey(), cfg_value: cfgValue(), title: optionalText(50), description: optionalText(255) },
  required: ['cfg_key', 'cfg_value'],
  filters: { cfg_key: { schema: cfgKey() } },
});

export const configSetSchema = Joi.object({
  admin_id: adminIdField(),
  cfg_key: cfgKey().required(),
  cfg_value: cfgValue().required(),
  title: optionalText(50),
  description: optionalText(255),
});

export interface ConfigSetParams {
  admin_id: number;
  cfg_key: string;
  cfg_value: string;
  title?: string;
  description?: string;
}

const TXT_URL_KEYS: readonly string[] = [INIT_CONFIG.SERVICE, INIT_CONFIG.ABOUT, INIT_CONFIG.FEEDBACK];

function isLink(value: string): boolean {
  return !linkUrl().validate(value).error;
}

/** The values system.init hands to the app must be usable there: a URL, or `txt:::url`. */
export function checkInitValue(key: string, value: string): void {
  if (key === INIT_CONFIG.HOME_RIGHT_BTN_URL && !isLink(value)) throw refuse(`${key} must be a URL`);
  if (TXT_URL_KEYS.includes(key)) {
    const parsed = parseTxtUrl(value);
    if (!parsed || !isLink(parsed.url)) throw refuse(`${key} must be "text:::URL"`);
  }
}

export async function setConfig(app: Parameters<typeof configService>[0], params: ConfigSetParams): Promise<void> {
  checkInitValue(params.cfg_key, params.cfg_value);
  await app.use(configService).set(params.cfg_key, params.cfg_value, { title: params.title, description: params.description, adminId: params.admin_id });
}
