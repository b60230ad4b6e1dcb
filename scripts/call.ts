import fs from 'node:fs';
import path from 'node:path';
import { ApiClient } from '../app/sdk/client';
import { fail, parseArgs, scriptConfig } from './cli';

const USAGE = `usage: npm run call -- [--url http://127.0.0.1:8080] [--appid A --secret S | --type app] [--token T]
                     [--platform N] [--v 1.0.0] <method> [key=value ...]
key=value sends a string (the server converts "2" where a number is expected); key:=json sends JSON
(numbers, objects, lists), e.g. replace:='{"name":"Li"}'.
Without --appid/--secret (or CALL_APPID/CALL_SECRET), the demo appid of --type (default app) from data/demo-appids.json is used.`;

function demoCredential(type: string): { appid: string; secret: string } {
  const config = scriptConfig();
  const file = path.join(path.dirname(path.resolve(config.db.sqliteFile)), 'demo-appids.json');
  if (!fs.existsSync(file)) fail(`no --appid/--secret given and no demo appids at ${file} (start the server once first)\n${USAGE}`);
  const found = (JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ appid: string; secret: string; api_type: string }>).find((a) => a.api_type === type);
  if (!found) fail(`no demo appid of type ${type} in ${file}`);
  return found;
}

/** `key=value` is a string; `key:=value` is JSON (httpie's convention). */
function parsePair(pair: string): [string, unknown] {
  const at = pair.indexOf('=');
  if (at <= 0) fail(`"${pair}" is not key=value or key:=json\n${USAGE}`);
  if (pair[at - 1] !== ':') return [pair.slice(0, at), pair.slice(at + 1)];
  try {
    return [pair.slice(0, at - 1), JSON.parse(pair.slice(at + 1))];
  } catch {
    fail(`"${pair}": the value after := is not JSON`);
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
    const [key, value] = parsePair(pair);
    params[key] = value;
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
