import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../config';

describe('configuration', () => {
  it('layers defaults, the environment file and variables', () => {
    const config = loadConfig({ NODE_ENV: 'development', PORT: '9001', REDIS_URL: 'redis://127.0.0.1:6379', DB_CLIENT: 'mysql', DB_NAME: 'shop' });
    expect(config.port).to.equal(9001);
    expect(config.redis.url).to.equal('redis://127.0.0.1:6379');
    expect(config.db).to.include({ client: 'mysql', database: 'shop', host: '127.0.0.1' });
    expect(config.demo.seedOnStart).to.equal(true);
    expect(loadConfig({ NODE_ENV: 'production', SMS_ALLOW_OUTBOX: 'true', UPLOAD_BASE_URL: 'https://api.example.com', SERVER_SECRET: 's'.repeat(32), MAIL_ALLOW_OUTBOX: 'true' }).demo.seedOnStart).to.equal(false);
  });

  it('a DATABASE_URL selects MySQL', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://u:p@db:3306/yaf' }).db.client).to.equal('mysql');
  });

  for (const [env, setting] of [
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'port'],
    [{ DB_CLIENT: 'oracle' }, 'db.client'],
    [{ REDIS_URL: 'http://x' }, 'redis.url'],
    [{ LOG_LEVEL: 'loud' }, 'logLevel'],
    [{ TIMESTAMP_WINDOW_SEC: '0' }, 'protocol.timestampWindowSec'],
    [{ DEMO_SEED: 'maybe' }, 'DEMO_SEED'],
    [{ NODE_ENV: 'staging' }, 'env'],
    [{ NODE_ENV: 'production' }, 'sms.driver'],
    [{ SMS_DRIVER: 'tencent' }, 'sms.driver'],
    [{ NODE_ENV: 'production', SMS_ALLOW_OUTBOX: 'true' }, 'UPLOAD_BASE_URL'],
    [{ NODE_ENV: 'production', SMS_ALLOW_OUTBOX: 'true', UPLOAD_BASE_URL: 'https://api.example.com' }, 'SERVER_SECRET'],
    [{ SERVER_SECRET: 'too short' }, 'SERVER_SECRET'],
    [{ NODE_ENV: 'production', SMS_ALLOW_OUTBOX: 'true', UPLOAD_BASE_URL: 'https://api.example.com', SERVER_SECRET: 's'.repeat(32), MAIL_ALLOW_OUTBOX: 'true', DEMO_SEED: 'true' }, 'DEMO_SEED'],
    [{ NODE_ENV: 'production', SMS_ALLOW_OUTBOX: 'true', UPLOAD_BASE_URL: 'https://api.example.com', SERVER_SECRET: 's'.repeat(32) }, 'mail.driver'],
    [{ MAIL_DRIVER: 'smtp' }, 'MAIL_SMTP_HOST'],
    [{ MAIL_SMTP_PORT: '0' }, 'mail.smtp.port'],
  ] as const) {
    it(`a bad setting stops with one line naming it: ${JSON.stringify(env)}`, () => {
      let error: Error | undefined;
      try {
        loadConfig(env);
      } catch (err) {
        error = err as Error;
      }
      expect(error).to.be.instanceOf(ConfigError);
      expect(error!.message).to.contain(setting);
      expect(error!.message).not.to.contain('\n');
    });
  }
});
