/**
 * Import rules (npm run lint): no cycles, libraries only through their index.ts, and each bounded context
 * depends only on the contexts beneath it. A new library gets a line in ALLOWED.
 */
const ALLOWED = {
  kernel: [],
  persistence: [],
  jobs: ['kernel', 'persistence'],
  audit: ['kernel', 'persistence'],
  accounts: ['kernel', 'persistence', 'jobs', 'audit'],
  countries: ['kernel', 'persistence', 'audit'],
  sellers: ['kernel', 'persistence', 'accounts', 'countries'],
  kyc: ['kernel', 'persistence', 'jobs', 'audit', 'countries', 'sellers'],
  // payouts follow KYC: the payout gate reads the seller's current case (KYC never imports payments)
  payments: ['kernel', 'persistence', 'jobs', 'audit', 'countries', 'sellers', 'kyc'],
  fx: ['kernel', 'persistence', 'jobs', 'audit'],
  catalog: ['kernel', 'persistence', 'jobs', 'audit', 'accounts', 'countries', 'sellers', 'fx'],
  platform: null, // the composition root may import every context
};

const layering = Object.entries(ALLOWED)
  .filter(([, allowed]) => allowed !== null)
  .map(([lib, allowed]) => ({
    name: `layers-${lib}`,
    comment: `libs/${lib} may import only ${allowed.length ? allowed.join(', ') : 'no other library'}`,
    severity: 'error',
    from: { path: `^libs/${lib}/` },
    to: { path: `^libs/(?!(${[lib, ...allowed].join('|')})/)[^/]+/` },
  }));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle (type-only imports included) means two modules should be one, or a third is missing.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-deep-imports',
      comment: 'Another library is imported through its index.ts (@app/<lib>), never a file inside it.',
      severity: 'error',
      from: { path: '^(apps|libs)/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/(?!index\\.ts$)', pathNot: '^libs/$2/' },
    },
    {
      name: 'no-apps-from-libs',
      comment: 'Libraries never import an app.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-test-code-in-production',
      comment: 'Test doubles and helpers stay out of production paths.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '\\.(e2e-)?spec\\.ts$' },
      to: { path: '^test/' },
    },
    ...layering,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // generated code (the web app's OpenAPI client) is not ours to restructure
    exclude: { path: '^(dist|node_modules|\\.data)/|^apps/web/src/api/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
