import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

export const NOTIFICATION_KINDS = [
  'call_for_inputs',
  'deadline_reminder',
  'report_overdue',
  'coordinator_digest',
  'due_date_reminder',
  'due_date_overdue',
  'summary_ready',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** The templates live in files beside the sources (libs/reminders/templates), found from src/ and from dist/. */
function templateDirectory(): string {
  const candidates = ['../templates/', '../../../../libs/reminders/templates/'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const found = candidates.find((dir) => existsSync(`${dir}call_for_inputs.subject.hbs`));
  if (!found) throw new Error(`Notification templates not found in ${candidates.join(' or ')}`);
  return found;
}

type Compiled = Record<
  NotificationKind,
  { subject: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate; html: HandlebarsTemplateDelegate }
>;

let compiled: Compiled | undefined;

/** Loads and compiles every template once; a missing file fails at start-up, not at 3 a.m. on a reminder. */
export function loadTemplates(): void {
  if (compiled) return;
  const dir = templateDirectory();
  const read = (file: string) => readFileSync(`${dir}${file}`, 'utf8');
  compiled = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [
      kind,
      {
        // subjects and plain text are not HTML: no escaping there; the HTML template escapes every value
        subject: Handlebars.compile(read(`${kind}.subject.hbs`), { noEscape: true, strict: true }),
        text: Handlebars.compile(read(`${kind}.txt.hbs`), { noEscape: true, strict: true }),
        html: Handlebars.compile(read(`${kind}.html.hbs`), { strict: true }),
      },
    ]),
  ) as Compiled;
}

export function renderNotification(kind: NotificationKind, model: Record<string, unknown>): RenderedMessage {
  loadTemplates();
  const t = compiled![kind];
  return { subject: t.subject(model).trim().replace(/\s+/g, ' '), text: t.text(model), html: t.html(model) };
}
