/** A path inside this app to return to after sign-in; anything else (another origin, the sign-in page) is dropped. */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (value === '/sign-in' || value.startsWith('/sign-in?') || value.startsWith('/api/')) return undefined;
  return value;
}
