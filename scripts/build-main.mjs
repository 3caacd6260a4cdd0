// Bundles the project's own Node code with esbuild: the hub's CLI (ESM, with the simulators split
// into a chunk that only a simulated office loads, and the sound worker the hub starts by its path), the Electron main process and its preload
// (CommonJS: a sandboxed preload must be one self-contained CJS file that requires nothing but
// 'electron', hence platform 'browser' so a Node import fails the build instead of the kiosk).
// Packages from node_modules stay external: they ship beside the bundle and native ones like
// better-sqlite3 cannot be bundled anyway.
import { build } from 'esbuild';

const common = { bundle: true, target: 'node22', sourcemap: true, logLevel: 'warning' };

await build({ ...common, platform: 'node', entryPoints: { cli: 'main/hub/cli.ts', 'hub-process': 'main/hub/supervised/child.ts' }, outdir: 'dist/main', format: 'esm', splitting: true, chunkNames: 'chunks/[name]-[hash]', packages: 'external' });
// The sound worker on its own, with nothing shared: a worker thread runs the whole file it is given.
await build({ ...common, platform: 'node', entryPoints: ['main/hub/sounds/renderWorker.ts'], outfile: 'dist/main/sound-render.js', format: 'esm', packages: 'external' });
await build({ ...common, platform: 'node', entryPoints: ['main/shell/electronMain.ts'], outfile: 'dist/main/electron.cjs', format: 'cjs', packages: 'external' });
await build({ ...common, platform: 'browser', entryPoints: ['main/shell/preload/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'] });
