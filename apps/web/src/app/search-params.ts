/**
 * Search parameters as people read and share them (`?lead=ILO,IOM&overdue=true`), not TanStack Router's
 * default JSON (`?lead=%5B%22ILO%22%5D`): every value is text, a list is comma-separated, and each route's
 * `validateSearch` turns the text into its types (and drops what it cannot read).
 */
export function parseSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search.startsWith('?') ? search.slice(1) : search));
}

export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    const text = Array.isArray(value) ? value.join(',') : value === undefined || value === null ? '' : String(value);
    if (text !== '') params.set(key, text);
  }
  // commas need no escaping in a query, and read better as they are
  const query = params.toString().replace(/%2C/gi, ',');
  return query ? `?${query}` : '';
}
