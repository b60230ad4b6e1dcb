import type { DeepPartial } from './merge';
import type { AppConfig } from './schema';

export const overrides: DeepPartial<AppConfig> = {};
