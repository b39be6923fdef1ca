/**
 * The web app's pages a notification speaks of, as paths on PUBLIC_URL. Emails and the inbox link there, never
 * to the API: a person follows the link in a browser, signs in if need be, and lands on the page.
 */
export const WEB_PAGES = {
  /** The home page lists what the reader's agency still owes. */
  home: (): string => '/',
  commitment: (code: string): string => `/commitments/${encodeURIComponent(code)}`,
  overdueCommitments: (leadAgency?: string): string =>
    `/commitments?overdue=true${leadAgency ? `&lead=${encodeURIComponent(leadAgency)}` : ''}`,
  annualSummary: (year: number): string => `/annual-summaries/${year}`,
} as const;

/** A page's address for an email. */
export const absoluteUrl = (publicUrl: string, path: string): string => `${publicUrl.replace(/\/+$/, '')}${path}`;
