import { ConfigError, loadConfig, type AppConfig } from '../config';

/** `--name value` and `--flag` options, and the positional words, of a script's arguments. */
export function parseArgs(argv: string[]): { options: Record<string, string | true>; words: string[] } {
  const options: Record<string, string | true> = {};
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (inline !== undefined) options[name] = inline;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) options[name] = argv[++i];
      else options[name] = true;
    } else words.push(arg);
  }
  return { options, words };
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** The server's configuration, quiet: scripts print their own output, not log lines. */
export function scriptConfig(): AppConfig {
  try {
    return loadConfig(process.env, { logLevel: process.env.LOG_LEVEL ?? 'warn' });
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}
