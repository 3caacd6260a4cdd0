// Bundles the project's own Node code with esbuild: the CLI (ESM), the Electron main process and
// its preload (CommonJS: a sandboxed preload must be one self-contained CJS file). Packages from
// node_modules stay external: they ship beside the bundle (electron-builder packs production
// dependencies) and native ones like better-sqlite3 cannot be bundled anyway.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };

await build({ ...common, entryPoints: ['main/cli.ts'], outfile: 'dist/main/cli.js', format: 'esm', packages: 'external' });
if (existsSync('main/shell/electronMain.ts')) {
  await build({ ...common, entryPoints: ['main/shell/electronMain.ts'], outfile: 'dist/main/electron.cjs', format: 'cjs', packages: 'external' });
  await build({ ...common, entryPoints: ['main/shell/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'] });
}
