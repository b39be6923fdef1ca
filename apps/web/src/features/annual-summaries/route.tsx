import { createRoute, lazyRouteComponent, notFound } from '@tanstack/react-router';
import { signedInRoute } from '../../app/routes/signed-in';
import { summaryVersionsQuery } from './queries';

/** Every year that can have a summary, each with its latest version. */
export const annualSummariesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/annual-summaries',
  // each page is a chunk of its own, loaded when its route is first visited
  component: lazyRouteComponent(() => import('./summary-years-page'), 'SummaryYearsPage'),
});

/**
 * One year's summary: its versions, their files, and for coordinators the compilation. The "summary ready" email
 * and inbox notice link here (libs/reminders WEB_PAGES.annualSummary).
 */
export const annualSummaryRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/annual-summaries/$year',
  loader: async ({ context: { queryClient }, params }) => {
    if (!/^\d{4}$/.test(params.year)) throw notFound();
    // a refusal (a year out of range) is the page's to say, in words
    await Promise.allSettled([queryClient.ensureQueryData(summaryVersionsQuery(Number(params.year)))]);
  },
  component: lazyRouteComponent(() => import('./summary-year-page'), 'SummaryYearPage'),
});
