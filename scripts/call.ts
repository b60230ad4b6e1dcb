import fs from 'node:fs';
import path from 'node:path';
import { ApiClient } from '../app/sdk/client';
import { fail, parseArgs, scriptConfig } from './cli';

const USAGE = `usage: npm run call -- [--url http://127.0.0.1:8080] [--appid A --secret S | --type app] [--token T]
                     [--platform N] [--v 1.0.0] <method> [key=value ...]
values are JSON when they parse as JSON (numbers, objects), strings otherwise.
Without --appid/--secret (or CALL_APPID/CALL_SECRET), the demo appid of --type (default app) from data/demo-appids.json is used.`;

function demoCredential(type: string): { appid: string; secret: string } {
  const config = scriptConfig();
  const file = path.join(path.dirname(path.resolve(config.db.sqliteFile)), 'demo-appids.json');
  if (!fs.existsSync(file)) fail(`no --appid/--secret given and no demo appids at ${file} (start the server once first)\n${USAGE}`);
  const found = (JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ appid: string; secret: string; api_type: string }>).find((a) => a.api_type === type);
  if (!found) fail(`no demo appid of type ${type} in ${file}`);
  return found;
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

async function main(): Promise<void> {
  const { options, words } = parseArgs(process.argv.slice(2));
  const [method, ...pairs] = words;
  if (!method) fail(USAGE);
  const opt = (name: string, envName: string) => (typeof options[name] === 'string' ? (options[name] as string) : process.env[envName]);
  let appid = opt('appid', 'CALL_APPID');
  let secret = opt('secret', 'CALL_SECRET');
  if (!appid || !secret) ({ appid, secret } = demoCredential(typeof options.type === 'string' ? options.type : 'app'));
  const params: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) fail(`"${pair}" is not key=value\n${USAGE}`);
    params[pair.slice(0, at)] = parseValue(pair.slice(at + 1));
  }
  const client = new ApiClient({
    url: opt('url', 'CALL_URL') ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`,
    appid,
    secret,
    v: typeof options.v === 'string' ? options.v : undefined,
    platform: typeof options.platform === 'string' ? Number(options.platform) : 1,
  });
  const token = opt('token', 'CALL_TOKEN');
  const answer = await client.call(method, params, { token });
  process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
}

main().catch((err) => fail(`call failed: ${(err as Error).message}`));
