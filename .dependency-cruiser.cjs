/**
 * Import rules between the parts of the tree, checked by `npm run lint:imports` (a step of
 * `npm test`, so CI runs it) and proved by tests/architecture/import-rules.test.ts. Each path is
 * resolved to the file it names, so a rule holds whatever the relative depth or spelling
 * (`import type`, re-exports and dynamic imports included). docs/architecture.md says why
 * each rule exists.
 */
const PRODUCTION = '^(shared|overlay-server|overlays|extension)/';
const TEST_FILE = '\\.test\\.tsx?$';
/** Code that runs in a build or a test, not in the product: checked by the root project. */
const NOT_PRODUCTION = [TEST_FILE, '^overlays/vite\\.config\\.ts$'];
/** Where the product starts: the CLI commands, one script per overlay page, WXT's entrypoints. */
const ENTRY_POINTS = [
  '^overlay-server/cli/(start|report|tokens|cluster)\\.ts$',
  '^overlays/entries/[^/]+\\.ts$',
  '^extension/entrypoints/.+\\.tsx?$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment:
        'shared/ imports its own files and its schema library (zod) only: no Node or browser ' +
        'API, no other part, no other package.',
      severity: 'error',
      from: { path: '^shared/', pathNot: NOT_PRODUCTION },
      to: { pathNot: ['^shared/', '^node_modules/zod/'] },
    },
    {
      name: 'server-uses-shared-only',
      comment: 'overlay-server/ may import shared/ and packages, never overlays/ or extension/.',
      severity: 'error',
      from: { path: '^overlay-server/', pathNot: NOT_PRODUCTION },
      to: { path: '^(overlays|extension|tests|bench|scripts)/' },
    },
    {
      name: 'overlays-use-shared-only',
      comment:
        'overlays/ talk to the server over the protocol in shared/: they never import ' +
        'overlay-server/ (nor extension/).',
      severity: 'error',
      from: { path: '^overlays/', pathNot: NOT_PRODUCTION },
      to: { path: '^(overlay-server|extension|tests|bench|scripts)/' },
    },
    {
      name: 'extension-uses-shared-only',
      comment:
        'extension/ talks to the server over the protocol in shared/: it never imports ' +
        'overlay-server/ (nor overlays/).',
      severity: 'error',
      from: { path: '^extension/', pathNot: NOT_PRODUCTION },
      to: { path: '^(overlay-server|overlays|tests|bench|scripts)/' },
    },
    {
      name: 'production-not-to-tests',
      comment: 'Test files and test helpers are for tests: production code never imports them.',
      severity: 'error',
      from: { path: PRODUCTION, pathNot: NOT_PRODUCTION },
      to: { path: TEST_FILE },
    },
    {
      name: 'reachable-from-an-entry-point',
      comment:
        'Every production module is used by the product: an index file nothing imports, a test ' +
        'helper kept among the sources or dead code shows up here (tests and their helpers ' +
        'live in *.test.ts files or under tests/).',
      severity: 'error',
      from: { path: ENTRY_POINTS },
      to: {
        path: PRODUCTION,
        pathNot: [...NOT_PRODUCTION, ...ENTRY_POINTS, '\\.d\\.ts$', '\\.(css|html|json)$'],
        reachable: false,
      },
    },
    {
      name: 'no-circular',
      comment: 'An import circle makes load order matter and hides which module owns what.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'resolvable',
      comment: 'Every import names a file or package that exists.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(\\.output|\\.wxt|dist|test-results)/' },
    // Type-only imports count: a type from overlay-server/ in an overlay is a boundary crossed.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    // Paths stay as written: the import-rule test runs on a copy whose node_modules is a link.
    preserveSymlinks: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    builtInModules: { add: [] },
  },
};
