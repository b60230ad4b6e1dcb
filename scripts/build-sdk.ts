import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';

const ROOT = path.join(__dirname, '..');
const ENTRY = path.join(ROOT, 'app/sdk/client.ts');
const HELPER_PAGE = path.join(ROOT, 'app/sdk/sign-helper.html');
/** Where the helper page's source takes the classic bundle, inlined so the page works alone. */
const BUNDLE_SLOT = '<!-- yaf-client.js -->';

export const GLOBAL_NAME = 'YafClient';

export interface BuiltFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface SdkBuild {
  /** ES module: `import { ApiClient, signData } from './yaf-client.mjs'`. */
  esm: BuiltFile;
  /** Classic script: `<script src="yaf-client.js">` defines `YafClient.ApiClient` and `YafClient.signData`. */
  classic: BuiltFile;
  /** The signing helper page, with the classic bundle inside. */
  helperPage: BuiltFile;
}

function measured(file: string): BuiltFile {
  const bytes = fs.readFileSync(file);
  return { file, bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length };
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** A browser bundle must not carry (or expect) anything of Node: crypto-js's optional `require('crypto')` is mapped away by its own `browser` field. */
function refuseNodeBuiltins(metafile: esbuild.Metafile): void {
  const found = Object.values(metafile.inputs)
    .flatMap((input) => input.imports)
    .filter((imported) => NODE_BUILTINS.has(imported.path) && !imported.external)
    .map((imported) => imported.path);
  const externals = Object.values(metafile.outputs).flatMap((output) => output.imports.filter((imported) => imported.external).map((imported) => imported.path));
  const bad = [...found, ...externals.filter((name) => NODE_BUILTINS.has(name))];
  if (bad.length) throw new Error(`the browser bundle would need Node built-ins: ${[...new Set(bad)].join(', ')}`);
}

async function bundle(format: 'esm' | 'iife', outfile: string): Promise<void> {
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    outfile,
    bundle: true,
    format,
    globalName: format === 'iife' ? GLOBAL_NAME : undefined,
    platform: 'browser',
    target: ['es2020', 'chrome80', 'safari14', 'firefox78'],
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'silent',
    banner: { js: '/* Yaf API client SDK: signs and posts protocol calls. See README "H5 pages in a browser". */' },
  });
  refuseNodeBuiltins(result.metafile);
}

/** Builds the SDK for browsers into `outDir`: an ES module, a classic script, and the signing helper page. */
export async function buildSdk(outDir: string = path.join(ROOT, 'dist/sdk')): Promise<SdkBuild> {
  fs.mkdirSync(outDir, { recursive: true });
  const esm = path.join(outDir, 'yaf-client.mjs');
  const classic = path.join(outDir, 'yaf-client.js');
  await Promise.all([bundle('esm', esm), bundle('iife', classic)]);

  const page = fs.readFileSync(HELPER_PAGE, 'utf8');
  if (!page.includes(BUNDLE_SLOT)) throw new Error(`${HELPER_PAGE} lost its ${BUNDLE_SLOT} slot`);
  // `</script` inside the inlined code would end the element early; `<\/script` means the same to JS.
  const inlined = fs.readFileSync(classic, 'utf8').replace(/<\/script/gi, '<\\/script');
  const helperPage = path.join(outDir, 'sign-helper.html');
  fs.writeFileSync(helperPage, page.replace(BUNDLE_SLOT, () => `<script>${inlined}</script>`));

  return { esm: measured(esm), classic: measured(classic), helperPage: measured(helperPage) };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

if (require.main === module) {
  buildSdk(process.argv[2] ? path.resolve(process.argv[2]) : undefined)
    .then((built) => {
      for (const f of [built.esm, built.classic, built.helperPage]) {
        process.stdout.write(`${path.relative(process.cwd(), f.file).padEnd(28)} ${kb(f.bytes).padStart(9)}  ${kb(f.gzipBytes).padStart(9)} gzipped\n`);
      }
    })
    .catch((err) => {
      process.stderr.write(`build:sdk: ${(err as Error).message}\n`);
      process.exit(1);
    });
}
