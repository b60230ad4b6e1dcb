import type { DeepPartial } from './merge';
import type { AppConfig } from './schema';

export const overrides: DeepPartial<AppConfig> = {
  logLevel: 'info',
  // Production data is created by operators (`npm run appid -- create`), never by a demo seed.
  demo: { seedOnStart: false },
};
