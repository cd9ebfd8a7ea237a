/**
 * Compiles a weapp build with WeChat's own CI module (miniprogram-ci), offline, exactly as an upload
 * would, and sums the bytes per package the way WeChat counts them. Throws when WeChat would
 * refuse the build (a page app.json names but the build lacks, bad JSON, unparsable WXML/WXSS/JS).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ci from 'miniprogram-ci';

/** WeChat's own name for the main package in its size reports. */
export const MAIN_PACKAGE = '__APP__';

export interface PackageSize {
  /** subpackage root as in app.json ('packages/order'), or MAIN_PACKAGE */
  root: string;
  bytes: number;
}

export interface CompileResult {
  /** main package first, then subpackages in app.json order */
  packages: PackageSize[];
  total: number;
}

interface AppJson {
  subPackages?: { root: string }[];
  subpackages?: { root: string }[];
}

const trimSlashes = (p: string) => p.replace(/^\/+|\/+$/g, '');

function subpackageRoots(distDir: string): string[] {
  const app = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as AppJson;
  return (app.subPackages ?? app.subpackages ?? []).map((p) => trimSlashes(p.root));
}

/** Files of the compiled app, as `path -> content`, exactly what an upload would send. */
async function compiledFiles(distDir: string): Promise<Record<string, string | Buffer>> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'weave-ci-'));
  const keyPath = path.join(work, 'private.key');
  // The key is only read by upload/preview, which need WeChat's servers; compiling needs a path.
  fs.writeFileSync(keyPath, 'offline compile: no key needed\n');
  const cwd = process.cwd();
  // getCompiledResult leaves an empty folder in the working directory; keep it out of the repo.
  process.chdir(work);
  try {
    const project = new ci.Project({
      appid: 'wx0000000000000000',
      type: 'miniProgram',
      projectPath: path.resolve(cwd, distDir),
      privateKeyPath: keyPath,
      ignores: ['node_modules/**/*'],
      // Without this hook the CI module fetches the app's attributes from WeChat's servers.
      attr: async () => ci.DefaultProjectAttr,
    } as ConstructorParameters<typeof ci.Project>[0]);
    return await ci.getCompiledResult(
      {
        project,
        version: '0.0.0',
        // Forced on: with these off, broken WXML/WXSS/JS passes silently.
        setting: { es6: true, minify: true, minifyWXML: true, minifyWXSS: true, minifyJS: true },
      },
      path.join(work, 'compiled.zip'),
    );
  } finally {
    process.chdir(cwd);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export async function compileWeapp(distDir: string): Promise<CompileResult> {
  const roots = subpackageRoots(distDir);
  const files = await compiledFiles(distDir);
  const sizes = new Map<string, number>([[MAIN_PACKAGE, 0], ...roots.map((r): [string, number] => [r, 0])]);
  // Longest root first, so 'packages/order-extra' never counts as 'packages/order'.
  const byLength = [...roots].sort((a, b) => b.length - a.length);
  let total = 0;
  for (const [file, content] of Object.entries(files)) {
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    const rel = trimSlashes(file);
    const root = byLength.find((r) => rel.startsWith(`${r}/`)) ?? MAIN_PACKAGE;
    sizes.set(root, (sizes.get(root) ?? 0) + bytes);
    total += bytes;
  }
  return { packages: [...sizes].map(([root, bytes]) => ({ root, bytes })), total };
}
