import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Layer rules: data flows app → schemas → services → db, so a leak fails lint instead of review.
// ESLint replaces (does not merge) a rule's options when blocks overlap, so each block lists all it forbids.
// An import of lib/<target> by alias or by a relative path from anywhere in the tree.
const from = (target) => `^(@/|(\\.\\./)+)(lib/)?${target}(/|$)`;
const forbid = (regex, message) => ({ regex, message });

const drizzle = (message) => forbid('^(drizzle-orm|pg|@electric-sql/pglite[^/]*)(/|$)', message);
const DRIZZLE_ONLY_IN_DB = 'Drizzle, pg and PGlite belong in lib/db: add a query function to lib/db/queries and call it from a service.';

const restrict = (...patterns) => ['error', { patterns }];

const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/*.int.test.ts', '**/*.test-helpers.ts', 'e2e/**'];

const layers = [
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['lib/db/**', ...TESTS],
    rules: { 'no-restricted-imports': restrict(drizzle(DRIZZLE_ONLY_IN_DB)) },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        forbid(from('db'), 'Pages, routes, actions and components must not import the database: call a service or server action, and take row types from the service that returns them.'),
        drizzle('Pages, routes, actions and components must not touch Drizzle: the query belongs in lib/db/queries, called by a service.'),
      ),
    },
  },
  {
    files: ['lib/schemas/**/*.ts', 'lib/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        forbid(from('db'), 'Schemas and domain modules sit below the database (lib/db imports them, never the reverse): map stored rows in lib/http/responses or a service.'),
        forbid(from('services'), 'Schemas and domain modules sit below the services: move the shared type here, or the mapping to lib/http/responses.'),
        drizzle('Schemas and domain modules must not touch Drizzle: declare plain value lists here and let lib/db/schema.ts build its columns from them.'),
        forbid('^next(/|$)', 'Schemas and domain modules are framework-free so the API, server actions and the CLI share them: keep Next in app/ and lib/ui.'),
      ),
    },
  },
  {
    files: ['lib/matching/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        forbid(from('(db|services)'), 'lib/matching is pure: the service fetches records and candidates and passes them in.'),
        forbid(from('env'), 'lib/matching reads no environment: take thresholds and settings as parameters (the service passes the parsed env values).'),
        drizzle('lib/matching is pure: no Drizzle, pg or PGlite; the service does the I/O.'),
        forbid('^(next|react|react-dom)(/|$)', 'lib/matching is pure TypeScript: no Next or React; the UI reads its results through lib/ui.'),
      ),
    },
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  ...layers,
  { ignores: ['.next/**', 'node_modules/**', 'data/**', 'drizzle/**', 'test-results/**', 'playwright-report/**', 'eval-results/**', 'next-env.d.ts'] },
];

export default config;
