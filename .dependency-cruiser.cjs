// Which folder may import which: npm run lint:deps. The top-level folders are layers, each importing only those
// below it, so no two folders import each other:
//   contracts/ < platform/ < schema/ < audit/ < mou-registry/ < gateway/ < sandbox/ < tests/, bench/
// contracts/ is generated from openapi.yaml; platform/ is the plumbing every folder may use (HTTP, problems, logger,
// config, database, principal); schema/ lists every folder's migrations in the order they run, reaching into the
// folders above it for their migrations only; audit/ and mou-registry/ are domains that know nothing of the gateway
// that serves them; tests/ and bench/ are never imported by what ships.
// Two arrows still point up, named in the rules below: gateway/main.ts starts the sandbox, and the policy rules'
// tests beside the code take their people from the sandbox's fixtures and their facts from tests/support.
const aTest = '\\.test\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'contracts-import-nothing',
      comment: 'contracts/ is generated from openapi.yaml and stands on nothing of ours.',
      severity: 'error',
      from: { path: '^contracts/' },
      to: { path: '^(platform|schema|audit|mou-registry|gateway|sandbox|tests|bench)/' },
    },
    {
      name: 'platform-imports-up',
      comment: 'platform/ is the floor: it uses contracts/ and packages only.',
      severity: 'error',
      from: { path: '^platform/' },
      to: { path: '^(schema|audit|mou-registry|gateway|sandbox|tests|bench)/' },
    },
    {
      name: 'schema-imports-migrations-only',
      comment: "schema/ names every folder's migrations, and nothing else of those folders.",
      severity: 'error',
      from: { path: '^schema/' },
      to: { path: '^(audit|mou-registry|gateway|sandbox|tests|bench)/', pathNot: '/migrations/' },
    },
    {
      name: 'migrations-stay-home',
      comment:
        'A migration uses its own folder, platform/ and contracts/ only, so that schema/ listing it pulls in no other folder.',
      severity: 'error',
      from: { path: '^([a-z-]+)/(migrations|[a-z-]+/migrations)/' },
      to: {
        path: '^(platform|contracts|schema|audit|mou-registry|gateway|sandbox|tests|bench)/',
        pathNot: '^($1|platform|contracts)/',
      },
    },
    {
      name: 'audit-imports-up',
      comment:
        'audit/ uses platform/, contracts/ and schema/: the register, the gateway, the sandbox, tests and the bench are above it.',
      severity: 'error',
      from: { path: '^audit/' },
      to: { path: '^(mou-registry|gateway|sandbox|tests|bench)/' },
    },
    {
      name: 'mou-registry-imports-up',
      comment:
        'mou-registry/ uses platform/, contracts/, schema/ and audit/, never the gateway, the sandbox, tests or the bench.',
      severity: 'error',
      from: { path: '^mou-registry/' },
      to: { path: '^(gateway|sandbox|tests|bench)/' },
    },
    {
      name: 'gateway-imports-sandbox',
      comment:
        "The sandbox is never on a production start's path: only gateway/main.ts starts it (SANDBOX=true), and " +
        'tests beside the code may use its fixtures.',
      severity: 'error',
      from: { path: '^gateway/', pathNot: `^gateway/main\\.ts$|${aTest}` },
      to: { path: '^sandbox/' },
    },
    {
      name: 'production-imports-tests',
      comment: 'What ships never imports tests/ or bench/ (a test file beside the code may use tests/support).',
      severity: 'error',
      from: { path: '^(contracts|platform|schema|audit|mou-registry|gateway|sandbox)/', pathNot: aTest },
      to: { path: '^(tests|bench)/' },
    },
    {
      name: 'no-circular',
      comment:
        'No module imports itself through others at run time. A cycle closed only by a type import is harmless ' +
        "(gateway/console: router.ts mounts action-routes.ts, which names router.ts's Page type).",
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
