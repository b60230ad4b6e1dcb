import pino from 'pino';
import { createAppContext } from '../app/bootstrap';
import { createLogger } from '../app/core/logger';
import { API_TYPES, appAuthService, type ApiType, type AppidRow } from '../app/platform/gateway/appAuth';
import { fail, parseArgs, scriptConfig } from './cli';

const USAGE = `usage:
  npm run appid -- create --type <${API_TYPES.join('|')}> --name <name> [--ip-allow "1.2.3.4,10.0.0.0/8"]
                         [--origin "https://m.example.com,https://h5.example.com:8443"] [--json]
  npm run appid -- list [--json]
  npm run appid -- rotate <appid> [--grace <seconds, default 604800>] [--json]
  npm run appid -- disable <appid> | enable <appid>
  npm run appid -- allow <appid> ["<ip list or empty>"] [--origin "<origins or empty>"]
An admin appid needs --ip-allow in production: its secret alone would open the back office.
Origins are exact (scheme://host[:port], no wildcards): the pages that may call with this appid;
an appid with none refuses every call that carries a browser Origin header.`;

/** One appid without its secret (list): built from the fields, so no name can smuggle the secret in. */
function summary(row: AppidRow): string {
  return `${row.appid}  type=${row.api_type}  name=${JSON.stringify(row.name)}  status=${row.status ? 'active' : 'disabled'}  ip_allow=${row.ip_allow || '(any)'}  origins=${row.origin_allow || '(none)'}`;
}

/** A just created or rotated appid, secret included: the one time an operator sees it. */
function describe(row: AppidRow, json: boolean): string {
  if (json) return JSON.stringify({ appid: row.appid, secret: row.secret, api_type: row.api_type });
  return `${summary(row)}  secret=${row.secret}`;
}

async function main(): Promise<void> {
  const { options, words } = parseArgs(process.argv.slice(2));
  const [command, target, extra] = words;
  const json = options.json === true;
  const config = scriptConfig();
  // Log lines (warnings) go to stderr: stdout is the command's answer, which `--json` callers parse.
  const app = await createAppContext(config, { logger: createLogger(config.logLevel, pino.destination({ dest: 2, sync: true })) });
  const auth = app.use(appAuthService);
  try {
    switch (command) {
      case 'create': {
        const type = String(options.type ?? '');
        if (!(API_TYPES as readonly string[]).includes(type)) fail(`--type must be one of ${API_TYPES.join(', ')}\n${USAGE}`);
        if (typeof options.name !== 'string' || !options.name.trim()) fail(`--name is required\n${USAGE}`);
        const ipAllow = typeof options['ip-allow'] === 'string' ? options['ip-allow'] : undefined;
        if (options.origin === true) fail(`--origin needs a list\n${USAGE}`);
        const origins = options.origin;
        const row = await auth.create({ apiType: type as ApiType, name: options.name.trim(), ipAllow, origins });
        process.stdout.write(`${describe(row, json)}\n`);
        return;
      }
      case 'list': {
        const rows = await auth.list();
        process.stdout.write(json ? `${JSON.stringify(rows.map((r) => ({ appid: r.appid, api_type: r.api_type, name: r.name, status: r.status, origins: r.origin_allow ? r.origin_allow.split(',') : [] })))}\n` : `${rows.map(summary).join('\n')}\n`);
        return;
      }
      case 'rotate': {
        if (!target) fail(USAGE);
        const grace = options.grace === undefined ? 7 * 86400 : Number(options.grace);
        if (!Number.isInteger(grace) || grace < 0) fail('--grace must be a whole number of seconds');
        const row = await auth.rotate(target, grace);
        if (!row) fail(`no appid ${target}`);
        process.stdout.write(`${describe(row, json)}\n${json ? '' : `the previous secret verifies for ${grace} more seconds\n`}`);
        return;
      }
      case 'disable':
      case 'enable': {
        if (!target) fail(USAGE);
        if (!(await auth.setStatus(target, command === 'enable'))) fail(`no appid ${target}`);
        process.stdout.write(`${target} ${command}d (other processes notice within APPID_CACHE_MS)\n`);
        return;
      }
      case 'allow': {
        const origins = options.origin;
        if (!target || (extra === undefined && origins === undefined) || origins === true) fail(USAGE);
        if (extra !== undefined) {
          if (!(await auth.setIpAllow(target, extra))) fail(`no appid ${target}`);
          process.stdout.write(`${target} ip allow-list: ${extra || '(any address)'}\n`);
        }
        if (origins !== undefined) {
          const list = await auth.setOrigins(target, origins);
          if (!list) fail(`no appid ${target}`);
          process.stdout.write(`${target} browser origins: ${list.join(', ') || '(none: not for browser pages)'}\n`);
        }
        return;
      }
      default:
        fail(USAGE);
    }
  } finally {
    await app.close();
  }
}

main().catch((err) => fail(`appid: ${(err as Error).message}`));
