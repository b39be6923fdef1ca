// No imports: the unit tests read this file under the server's compiler settings.

/** The API's statuses, in lifecycle order (a new one would lack its message, which the compiler catches). */
export const STATUSES = ['proposed', 'accepted', 'in_progress', 'under_review', 'completed', 'discontinued'] as const;
export type CommitmentStatus = (typeof STATUSES)[number];
export const SORT_FIELDS = ['code', 'title', 'lead', 'status', 'dueDate'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type CatalogueSort = SortField | `-${SortField}`;
const SORTS: readonly string[] = SORT_FIELDS.flatMap((f) => [f, `-${f}`]);

/** What the catalogue shows, all of it in the URL: the filters, the order, and the page (its cursor and number). */
export interface CatalogueSearch {
  q?: string;
  agency?: string[];
  lead?: string[];
  supporting?: string[];
  agendaItem?: number[];
  sdgTarget?: string[];
  status?: CommitmentStatus[];
  overdue?: boolean;
  /** Absent: code order. */
  sort?: CatalogueSort;
  /** The API's cursor of this page; absent on the first. */
  cursor?: string;
  /** This page's number, for "Page 2 of 5" (the cursor says where it starts). */
  page?: number;
}

export type CatalogueFilters = Omit<CatalogueSearch, 'sort' | 'cursor' | 'page'>;
/** The filters chosen in the facets (the search words are not one of them). */
export const FACET_KEYS = ['agency', 'lead', 'supporting', 'agendaItem', 'sdgTarget', 'status', 'overdue'] as const;
export const FILTER_KEYS = ['q', ...FACET_KEYS] as const;

const AGENCY = /^[A-Z][A-Z0-9]{1,19}$/;
const SDG_TARGET = /^([1-9]|1[0-7])\.([1-9]|1[0-9]|[a-d])$/;

/** A list from `a,b` text or an array (what navigating in the app gives), keeping only what `valid` accepts. */
function list<T>(value: unknown, read: (item: string) => T | undefined): T[] | undefined {
  const items = (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [])
    .map((item) => read(String(item).trim()))
    .filter((item): item is T => item !== undefined);
  const unique = [...new Set(items)];
  return unique.length > 0 ? unique : undefined;
}

const matching = (pattern: RegExp) => (item: string) => (pattern.test(item) ? item : undefined);

/**
 * Reads the URL's search parameters (text, or values when the app navigates). A hand-edited link with a value the
 * API would refuse loses that value rather than showing an error: the rest of the view still works.
 */
export function validateCatalogueSearch(search: Record<string, unknown>): CatalogueSearch {
  const text = (value: unknown, max: number) => (typeof value === 'string' && value.trim() !== '' ? value.slice(0, max) : undefined);
  const page = Number(search.page);
  return {
    q: text(search.q, 200),
    agency: list(search.agency, matching(AGENCY)),
    lead: list(search.lead, matching(AGENCY)),
    supporting: list(search.supporting, matching(AGENCY)),
    agendaItem: list(search.agendaItem, (item) => (/^[1-8]$/.test(item) ? Number(item) : undefined)),
    sdgTarget: list(search.sdgTarget, matching(SDG_TARGET)),
    status: list(search.status, (item) => STATUSES.find((s) => s === item)),
    overdue:
      search.overdue === true || search.overdue === 'true'
        ? true
        : search.overdue === false || search.overdue === 'false'
          ? false
          : undefined,
    // code order is the default, and is left out of the URL
    sort:
      typeof search.sort === 'string' && SORTS.includes(search.sort) && search.sort !== 'code' ? (search.sort as CatalogueSort) : undefined,
    cursor: text(search.cursor, 2000),
    page: Number.isInteger(page) && page > 1 && typeof search.cursor === 'string' ? page : undefined,
  };
}

export const filtersOf = (search: CatalogueSearch): CatalogueFilters =>
  Object.fromEntries(FILTER_KEYS.map((key) => [key, search[key]]).filter(([, value]) => value !== undefined));

export const hasFacetFilters = (search: CatalogueSearch): boolean => FACET_KEYS.some((key) => search[key] !== undefined);

/** Every facet filter cleared; the search words stay. */
export const withoutFacetFilters: Partial<CatalogueSearch> = Object.fromEntries(FACET_KEYS.map((key) => [key, undefined]));

/** The export of the current view (every page): a plain link, which the session cookie authenticates (a GET needs no CSRF header). */
export function exportHref(search: CatalogueSearch, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries({ ...filtersOf(search), sort: search.sort }))
    if (value !== undefined) params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  return `/api/v1/commitments/export?${params.toString().replace(/%2C/gi, ',')}`;
}
