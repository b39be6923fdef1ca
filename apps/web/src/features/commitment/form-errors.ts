import { useIntl } from 'react-intl';
import { ProblemError } from '../../api/client';
import type { MessageId } from '../../i18n/catalogue';

/**
 * The API's refusals of a form, in words next to the fields they concern: the problem's `errors[{field}]` mapped
 * to the form's own fields (`fieldOf`), each with the form's message for that field in the reader's language.
 * Null when the API named no field the form has (the form then shows the refusal as a whole).
 */
export function fieldErrorsOf(
  error: unknown,
  fieldOf: (apiField: string) => { field: string; message: string } | null,
): Record<string, string> | null {
  if (!(error instanceof ProblemError) || !error.problem.errors?.length) return null;
  const found: Record<string, string> = {};
  for (const { field } of error.problem.errors) {
    const mapped = fieldOf(field);
    if (mapped && !(mapped.field in found)) found[mapped.field] = mapped.message;
  }
  return Object.keys(found).length > 0 ? found : null;
}

/**
 * Focuses what `find` finds once it is on screen: React shows a message or an error a frame or two after the state
 * that asks for it, so this looks again on the next frames (a few at most) rather than once.
 */
function focusOnceShown(find: () => HTMLElement | null | undefined, frames = 30): void {
  requestAnimationFrame(() => {
    const element = find();
    if (element) element.focus();
    else if (frames > 0) focusOnceShown(find, frames - 1);
  });
}

/** Moves the focus to the first field marked invalid in `form`. */
export function focusFirstError(form: HTMLFormElement | null): void {
  focusOnceShown(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]'));
}

/** Moves the focus to a message to read first. */
export function focusWhenShown(id: string): void {
  focusOnceShown(() => document.getElementById(id));
}

/** The message of a catalogue id, for the maps of API fields to form fields. */
export function useMessage(): (id: MessageId, values?: Record<string, string | number>) => string {
  const intl = useIntl();
  return (id, values) => intl.formatMessage({ id }, values);
}

/** A web address the API accepts as evidence: http or https, a host with a top-level domain, nothing blank. */
export function isEvidenceUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && /\.[a-z]{2,}$/i.test(url.hostname);
  } catch {
    return false;
  }
}
