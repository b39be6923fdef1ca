/**
 * The layout rules of the codebase, checked by `npm run lint:deps` (part of `npm test`):
 * bounded contexts talk through their index only, dependencies point one way, and domain code stays free of
 * frameworks and storage.
 */
const lib = (name) => `^libs/${name}/`;

module.exports = {
  forbidden: [
    {
      name: 'no-deep-imports-across-libs',
      comment: 'Another lib is reached through its index (@hld/<lib>), never a file inside it.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/(?!index\\.ts$)', pathNot: '^libs/$1/' },
    },
    {
      name: 'apps-only-use-lib-indexes',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/[^/]+/src/(?!index\\.ts$)' },
    },
    {
      name: 'commitments-know-no-consumers',
      comment: 'Reminders, reporting cycles, the catalogue and the summaries react to commitments, not the reverse.',
      severity: 'error',
      from: { path: lib('commitments') },
      to: { path: '^libs/(reminders|reporting-cycles|catalogue|annual-summaries|identity)/' },
    },
    {
      name: 'foundations-stay-below',
      comment: 'kernel, config and persistence are used by contexts, never the other way round.',
      severity: 'error',
      from: { path: '^libs/(kernel|config|persistence|jobs)/' },
      to: { path: '^libs/(agencies|commitments|identity|catalogue|reporting-cycles|reminders|annual-summaries|http)/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'Domain files import no framework, ORM, queue or HTTP code.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: '(^|/)node_modules/(typeorm|bullmq|@nestjs|fastify|pg|ioredis)/' },
    },
    {
      name: 'only-the-worker-processes-jobs',
      comment: 'Processors live in worker modules; the API only adds jobs.',
      severity: 'error',
      from: { path: '^apps/api/' },
      to: { path: '\\.processor\\.ts$' },
    },
    {
      name: 'web-stays-in-the-browser',
      comment: 'The web app talks to the API only through its generated client, never by importing server code.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(libs|db|apps/(api|worker|cli))/' },
    },
    {
      name: 'server-knows-no-web-code',
      severity: 'error',
      from: { path: '^(libs|db|apps/(api|worker|cli))/' },
      to: { path: '^apps/web/' },
    },
    {
      name: 'web-features-are-independent',
      comment: 'A feature of the web app does not reach into another; shared code lives in api, i18n, notices, session or ui.',
      severity: 'error',
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: '^apps/web/src/features/', pathNot: '^apps/web/src/features/$1/' },
    },
    {
      name: 'web-shared-code-below-features',
      comment: 'api, i18n, notices, session and ui serve the features and the app shell, never the other way round.',
      severity: 'error',
      from: { path: '^apps/web/src/(api|i18n|notices|session|ui)/' },
      to: { path: '^apps/web/src/(app|features)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json', '.d.ts'] },
  },
};
