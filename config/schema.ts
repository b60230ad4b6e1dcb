import Joi from 'joi';

export type DbClient = 'sqlite' | 'mysql';

export interface AppConfig {
  env: string;
  port: number;
  host: string;
  workers: number;
  logLevel: string;
  db: {
    client: DbClient;
    sqliteFile: string;
    url?: string;
    host: string;
    port: number;
    user: string;
    password: string;
    database: string;
    poolMax: number;
  };
  redis: { url?: string; keyPrefix: string };
  http: {
    bodyLimitBytes: number;
    uploadLimitBytes: number;
    /** How many X-Forwarded-For hops (proxies we run) to believe; 0 = use the socket address. */
    trustProxyHops: number;
  };
  protocol: {
    timestampWindowSec: number;
    appidCacheMs: number;
    banCacheMs: number;
  };
  demo: { seedOnStart: boolean };
}

const ms = Joi.number().integer().min(0);

export const configSchema = Joi.object<AppConfig>({
  env: Joi.string().valid('development', 'test', 'production').required(),
  port: Joi.number().integer().min(0).max(65535).required(),
  host: Joi.string().required(),
  workers: Joi.number().integer().min(1).max(64).required(),
  logLevel: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').required(),
  db: Joi.object({
    client: Joi.string().valid('sqlite', 'mysql').required(),
    sqliteFile: Joi.string().required(),
    url: Joi.string().uri({ scheme: ['mysql'] }),
    host: Joi.string().required(),
    port: Joi.number().integer().min(1).max(65535).required(),
    user: Joi.string().required(),
    password: Joi.string().allow('').required(),
    database: Joi.string().pattern(/^\w{1,64}$/).required(),
    poolMax: Joi.number().integer().min(1).max(200).required(),
  }).required(),
  redis: Joi.object({
    url: Joi.string().uri({ scheme: ['redis', 'rediss'] }),
    keyPrefix: Joi.string().max(64).allow('').required(),
  }).required(),
  http: Joi.object({
    bodyLimitBytes: Joi.number().integer().min(1024).required(),
    uploadLimitBytes: Joi.number().integer().min(1024).required(),
    trustProxyHops: Joi.number().integer().min(0).max(10).required(),
  }).required(),
  protocol: Joi.object({
    timestampWindowSec: Joi.number().integer().min(1).max(86400).required(),
    appidCacheMs: ms.required(),
    banCacheMs: ms.required(),
  }).required(),
  demo: Joi.object({ seedOnStart: Joi.boolean().required() }).required(),
}).required();
