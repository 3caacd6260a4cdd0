/**
 * The runtime boundaries, checked by `npm run check:boundaries` (part of `npm test`). Each folder's
 * runtime is in its path; tsconfig keeps Node out of the browser code and the DOM out of Node code,
 * and these rules catch what it cannot: `electron` ships its own types, so only a rule stops the
 * hub from importing it, and a simulator must never reach production code except through the
 * demo's dynamic `import()`.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'electron-only-in-the-shell',
      comment: 'Only main/shell runs in Electron; the hub is plain Node so it runs as `stillroom serve` too.',
      severity: 'error',
      from: { pathNot: '^main/shell/' },
      to: { path: '^node_modules/electron/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-electron-types-outside-the-shell',
      comment: 'Not even for types: a hub that knows Electron objects starts depending on them.',
      severity: 'error',
      from: { path: '^(main/(hub|contract|simulators)|renderer)/' },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'contract-is-plain-typescript',
      comment: 'main/contract is imported by the renderer and the hub alike: zod and itself, nothing else.',
      severity: 'error',
      from: { path: '^main/contract/' },
      to: { pathNot: ['^main/contract/', '^node_modules/zod/'] },
    },
    {
      name: 'renderer-imports-the-contract-only',
      comment: 'The renderer runs in a browser: its own files, the contract and browser packages.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^main/(hub|shell|simulators)/' },
    },
    {
      name: 'no-node-in-the-browser',
      severity: 'error',
      from: { path: '^(renderer|main/contract|main/shell/preload)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'simulators-only-by-dynamic-import',
      comment: 'Production code loads a simulator only for an office whose config says `simulated`, through import(), so it stays out of the production bundle.',
      severity: 'error',
      from: { path: '^main/(hub|shell|contract)/' },
      to: { path: '^main/simulators/', dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'simulators-stand-alone',
      comment: 'A simulator follows the real system, not our code: it may not import the hub it is tested against.',
      severity: 'error',
      from: { path: '^main/simulators/' },
      to: { path: '^(main/(hub|shell)|renderer)/' },
    },
    {
      name: 'hub-never-imports-the-shell-or-the-renderer',
      severity: 'error',
      from: { path: '^main/hub/' },
      to: { path: '^(main/shell|renderer)/' },
    },
    {
      name: 'preload-requires-only-electron',
      comment: 'A sandboxed preload can require only electron (and a few built-ins); everything else must be bundled in, and only the contract and the shell wire types are.',
      severity: 'error',
      from: { path: '^main/shell/preload/' },
      to: { path: '^main/hub/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'], exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
