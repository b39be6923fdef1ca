import { Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Environment } from '@hld/config';
import { Clock } from '@hld/kernel';
import { UnitOfWork } from '@hld/persistence';
import { ReferenceData } from '@hld/agencies';
import { UserDirectory } from '@hld/identity';
import {
  GetCommitment,
  GetOverdueBreakdown,
  GetReportingCompliance,
  CommitmentNotFound,
  isOpen,
  type CommitmentView,
} from '@hld/commitments';
import { ReportingCycleStore, type ReportingCycleState } from '@hld/reporting-cycles';
import { NotificationLedger, type NotificationDraft } from './notification-ledger.js';
import { planCycle } from './reminder-plan.js';
import { absoluteUrl, WEB_PAGES } from './web-pages.js';
import type { PlannedReminder, ReminderJob, ReminderRun } from './queues.js';

type CycleReminder = Extract<PlannedReminder, { name: 'cycle-open' | 'cycle-reminder' | 'cycle-deadline' }>;
type DueDateReminder = Extract<PlannedReminder, { name: 'due-reminder' | 'due-overdue' }>;

const DIGEST_CODES_PER_AGENCY = 10;

type Recipient = { id: string; email: string; name: string; agency: string | null };

/**
 * What each reminder does when it fires: decide who is told what, and record it in the ledger together with
 * the run itself, in one transaction. A job that runs twice finds its run recorded and does nothing; a job
 * whose plan has changed since it was scheduled (the deadline moved, the due date was extended) is stale and
 * does nothing, since the new plan has its own job.
 */
@Injectable()
export class ReminderJobs {
  private readonly logger = new Logger(ReminderJobs.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly ledger: NotificationLedger,
    private readonly users: UserDirectory,
    private readonly cycles: ReportingCycleStore,
    private readonly referenceData: ReferenceData,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly env: Environment,
  ) {}

  /** Runs the reminder; returns the ids of the notifications it recorded (to deliver). */
  async run(job: ReminderJob): Promise<string[]> {
    const run = this.runOf(job);
    const drafts = await this.decide(job, run);
    if (drafts === null) return []; // stale: nothing to record, and no run either (the new plan runs)
    return this.unitOfWork.run(async (tx) => {
      const claimed: unknown[] = await tx.query(
        `INSERT INTO reminder_runs (job_key, fire_at, notified) VALUES ($1, $2, $3) ON CONFLICT (job_key) DO NOTHING RETURNING job_key`,
        [run.key, run.fireAt, drafts.length],
      );
      if (claimed.length === 0) return []; // ran before: a retried or duplicated job
      const ids = await this.ledger.record(tx, drafts);
      this.logger.log(`${run.key}: ${ids.length} notification(s) recorded`);
      return ids;
    });
  }

  /** A planned reminder's run is in its job; the weekly digest's is the week it fires in, so one digest per week at most. */
  private runOf(job: ReminderJob): ReminderRun {
    if (job.name !== 'weekly-digest') return job.data;
    const now = this.clock.now();
    return { key: `digest-weekly-${isoWeek(now)}`, fireAt: now.toISOString() };
  }

  /** The drafts this reminder should produce now, or null when it is stale. */
  private async decide(job: ReminderJob, run: ReminderRun): Promise<NotificationDraft[] | null> {
    switch (job.name) {
      case 'cycle-open':
      case 'cycle-reminder':
      case 'cycle-deadline':
        return this.cycleNotices(job);
      case 'due-reminder':
      case 'due-overdue':
        return this.dueDateNotices(job);
      case 'weekly-digest':
        return this.digest(run, null);
    }
  }

  private async cycleNotices(job: CycleReminder): Promise<NotificationDraft[] | null> {
    const { data } = job;
    const cycle = await this.cycles.load(data.year);
    if (!cycle || !planCycle(cycle, new Date(0)).some((p) => p.data.key === data.key)) return null;
    if (job.name === 'cycle-deadline')
      return [...(await this.agencyNotices('report_overdue', cycle, data)), ...(await this.digest(data, cycle.year))];
    if (cycle.deadline <= this.clock.now()) return null; // past the deadline, the overdue notices take over
    return job.name === 'cycle-open'
      ? this.agencyNotices('call_for_inputs', cycle, data)
      : this.agencyNotices('deadline_reminder', cycle, data, job.data.days);
  }

  /** One message per focal point of every agency that still owes reports, listing only what it still owes. */
  private async agencyNotices(
    kind: 'call_for_inputs' | 'deadline_reminder' | 'report_overdue',
    cycle: ReportingCycleState,
    run: ReminderRun,
    daysLeft = 0,
  ) {
    const { agencies } = await this.queries.execute(new GetReportingCompliance(cycle.year));
    const owing = agencies.filter((a) => a.missing.length > 0);
    const byAgency = new Map(owing.map((a) => [a.agency, a]));
    const recipients = await this.users.recipients('focal_point', [...byAgency.keys()]);
    const deadline = cycle.deadline.toLocaleString('en-GB', { timeZone: cycle.timeZone, dateStyle: 'long', timeStyle: 'short' });
    return recipients.map((r): NotificationDraft => {
      const agency = byAgency.get(r.agency!)!;
      return {
        recipient: r,
        kind,
        dedupeKey: `${run.key}|${r.id}`,
        link: WEB_PAGES.home(),
        model: {
          year: cycle.year,
          agency: agency.agency,
          deadline,
          timeZone: cycle.timeZone,
          daysLeft,
          count: agency.missing.length,
          commitments: agency.missingCommitments.map((c) => ({ ...c, link: this.url(WEB_PAGES.commitment(c.code)) })),
          link: this.url(WEB_PAGES.home()),
        },
      };
    });
  }

  private async dueDateNotices(job: DueDateReminder): Promise<NotificationDraft[] | null> {
    const { data } = job;
    let c: CommitmentView;
    try {
      c = await this.queries.execute(new GetCommitment(data.commitmentId));
    } catch (error) {
      if (error instanceof CommitmentNotFound) return null;
      throw error;
    }
    if (!isOpen(c.status) || c.dueDate !== data.dueDate) return null;
    const recipients = await this.users.recipients('focal_point', [c.leadAgency]);
    return recipients.map((r) => ({
      recipient: r,
      kind: job.name === 'due-reminder' ? 'due_date_reminder' : 'due_date_overdue',
      dedupeKey: `${data.key}|${r.id}`,
      link: WEB_PAGES.commitment(c.code),
      model: {
        code: c.code,
        title: c.title,
        agency: c.leadAgency,
        dueDate: c.dueDate,
        daysLeft: job.name === 'due-reminder' ? job.data.days : 0,
        link: this.url(WEB_PAGES.commitment(c.code)),
      },
    }));
  }

  /** Every coordinator gets the overdue commitments, grouped by lead agency and by agenda item. */
  private async digest(run: ReminderRun, year: number | null): Promise<NotificationDraft[]> {
    const coordinators = await this.users.recipients('coordinator');
    if (coordinators.length === 0) return [];
    // a digest lists a few codes per agency and links to the rest: it is read, not searched
    const [overdue, items] = await Promise.all([
      this.queries.execute(new GetOverdueBreakdown(DIGEST_CODES_PER_AGENCY)),
      this.referenceData.listAgendaItems(),
    ]);
    const counted = new Map(overdue.byAgendaItem.map((i) => [i.number, i.count]));
    const model = {
      year,
      total: overdue.total,
      asOf: overdue.day,
      listLink: this.url(WEB_PAGES.overdueCommitments()),
      byAgency: overdue.byAgency.map((a) => ({
        ...a,
        more: a.count - a.codes.length,
        link: this.url(WEB_PAGES.overdueCommitments(a.agency)),
      })),
      byAgendaItem: items.map((i) => ({ number: i.number, title: i.title, count: counted.get(i.number) ?? 0 })),
    };
    return coordinators.map((r: Recipient) => ({
      recipient: r,
      kind: 'coordinator_digest',
      dedupeKey: `${run.key}|digest|${r.id}`,
      link: WEB_PAGES.overdueCommitments(),
      model,
    }));
  }

  /** A web page's address for an email (the inbox keeps the path). */
  private url(path: string): string {
    return absoluteUrl(this.env.PUBLIC_URL, path);
  }
}

/** The ISO 8601 week of an instant (UTC), e.g. 2015-W03. */
function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const week = Math.ceil(((t.getTime() - Date.UTC(t.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
