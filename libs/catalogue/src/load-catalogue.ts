import { Logger } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { v5 as uuidv5 } from 'uuid';
import { DomainError, SYSTEM_ACTOR, toInstant, type ChangeContext } from '@hld/kernel';
import { UnitOfWork } from '@hld/persistence';
import { ReferenceData } from '@hld/agencies';
import {
  AssignCommitmentOwners,
  CommitmentDetailsRevised,
  CommitmentNotFound,
  CommitmentOwnersAssigned,
  CommitmentRegistered,
  GetCommitment,
  GetCommitmentHistory,
  ProgressReported,
  RegisterCommitment,
  ReportProgress,
  ReviseCommitmentDetails,
  type CommitmentView,
} from '@hld/commitments';
import { readCatalogue } from './catalogue-files.js';
import { checkCatalogue, formatProblem, type Catalogue, type CatalogueProblem } from './check-catalogue.js';
import { meetingDate, registrationDate } from './effective-dates.js';

/** Fixed namespace of the catalogue's ids: the same code gives the same commitment id in every install. */
const CATALOGUE_NAMESPACE = '6f2c1f0e-5b0a-4e8e-9a59-8c0f1d2a7b13';

export interface CatalogueLoadResult {
  skipped: boolean;
  agencies: number;
  registered: number;
  revised: number;
  ownersExtended: number;
  unchanged: number;
  reportsAdded: number;
  reportsAlreadyThere: number;
}

export class CatalogueInvalid extends DomainError {
  constructor(readonly problems: CatalogueProblem[]) {
    super(
      'CATALOGUE_INVALID',
      'unprocessable',
      `The catalogue has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`,
    );
  }
}

/**
 * Loads the catalogue in db/catalogue through the same commands as the API, in one transaction:
 * a bad file loads nothing, a second run changes nothing, an edited text becomes a revision event.
 * Facts are dated when they happened (effective-dates.ts) and recorded at load time.
 */
export class LoadCatalogue extends Command<CatalogueLoadResult> {
  constructor(
    readonly directory: string,
    /** Load only into a database that has no commitments yet (what `npm start` does). */
    readonly onlyIfEmpty = false,
  ) {
    super();
  }
}

@CommandHandler(LoadCatalogue)
export class LoadCatalogueHandler implements ICommandHandler<LoadCatalogue> {
  private readonly logger = new Logger(LoadCatalogueHandler.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly unitOfWork: UnitOfWork,
    private readonly referenceData: ReferenceData,
  ) {}

  async execute({ directory, onlyIfEmpty }: LoadCatalogue): Promise<CatalogueLoadResult> {
    const { problems, catalogue } = checkCatalogue(await readCatalogue(directory));
    if (problems.length > 0) throw new CatalogueInvalid(problems);
    const result: CatalogueLoadResult = {
      skipped: false,
      agencies: catalogue.agencies.length,
      registered: 0,
      revised: 0,
      ownersExtended: 0,
      unchanged: 0,
      reportsAdded: 0,
      reportsAlreadyThere: 0,
    };
    if (onlyIfEmpty) {
      const [{ any }] = await this.unitOfWork.manager.query('SELECT EXISTS (SELECT 1 FROM commitments_public_commitments) AS any');
      if (any) return { ...result, skipped: true };
    }
    const context: ChangeContext = { actor: SYSTEM_ACTOR('catalogue'), correlationId: `catalogue-load-${new Date().toISOString()}` };
    await this.unitOfWork.run(async () => {
      // one transaction: every command below joins it, so a failure anywhere leaves the database as it was
      await this.upsertReferenceData(catalogue);
      for (const entry of catalogue.commitments) await this.reconcileCommitment(entry, context, result);
      await this.addProgressReports(catalogue, context, result);
    });
    this.logger.log(`Catalogue loaded: ${JSON.stringify(result)}`);
    return result;
  }

  private async upsertReferenceData(catalogue: Catalogue): Promise<void> {
    for (const agency of catalogue.agencies) await this.referenceData.saveAgency(agency);
    for (const item of catalogue.agendaItems) await this.referenceData.describeAgendaItem(item);
  }

  /**
   * The catalogue owns the texts it ships (title, text, source, agenda items, SDG targets) and brings them up
   * to date; owners are set at registration and only ever extended with agencies the data adds, so that an
   * assignment made by a coordinator is never undone by a reload. A commitment is registered effective at its
   * source's publication. A correction or an extension is effective when the details (or the owners) it amends
   * were last set: they were the document's all along, and a later fact of the same kind still comes after it.
   */
  private async reconcileCommitment(entry: Catalogue['commitments'][number], context: ChangeContext, result: CatalogueLoadResult) {
    const details = {
      code: entry.code,
      title: entry.title,
      text: entry.text,
      source: entry.source,
      kind: entry.kind,
      leadAgency: entry.leadAgency,
      supportingAgencies: entry.supportingAgencies ?? [],
      agendaItems: entry.agendaItems,
      sdgTargets: entry.sdgTargets ?? [],
      dueDate: entry.dueDate ?? null,
    };
    const current = await this.find(entry.code);
    if (!current) {
      const made = toInstant(registrationDate(entry.code));
      await this.commands.execute(new RegisterCommitment(details, context, uuidv5(entry.code, CATALOGUE_NAMESPACE), made));
      result.registered += 1;
      return;
    }
    const history = (await this.queries.execute(new GetCommitmentHistory(entry.code))).items;
    const lastSet = (types: string[]) =>
      new Date(Math.max(...history.filter((e) => types.includes(e.type)).map((e) => Date.parse(e.effectiveAt))));
    let changed = false;
    const revised = await this.commands.execute(
      new ReviseCommitmentDetails(
        entry.code,
        current.version,
        {
          title: entry.title,
          text: entry.text,
          source: entry.source,
          agendaItems: entry.agendaItems,
          sdgTargets: entry.sdgTargets ?? [],
        },
        context,
        lastSet([CommitmentRegistered.type, CommitmentDetailsRevised.type]),
      ),
    );
    if (revised.version !== current.version) {
      result.revised += 1;
      changed = true;
    }
    const missing = (entry.supportingAgencies ?? []).filter((a) => a !== revised.leadAgency && !revised.supportingAgencies.includes(a));
    if (missing.length > 0) {
      await this.commands.execute(
        new AssignCommitmentOwners(
          entry.code,
          revised.version,
          revised.leadAgency,
          [...revised.supportingAgencies, ...missing],
          context,
          lastSet([CommitmentRegistered.type, CommitmentOwnersAssigned.type]),
        ),
      );
      result.ownersExtended += 1;
      changed = true;
    }
    if (!changed) result.unchanged += 1;
  }

  private async addProgressReports(catalogue: Catalogue, context: ChangeContext, result: CatalogueLoadResult): Promise<void> {
    const recorded = new Map<string, Set<string>>();
    for (const report of catalogue.progressReports) {
      // made from the line references, which stay as they were when the report was first loaded: a better
      // citation of the same report is not a second report
      const reportId = uuidv5(`${report.commitmentCode}|${report.agency}|${report.period}|${report.sourceLines}`, CATALOGUE_NAMESPACE);
      let ids = recorded.get(report.commitmentCode);
      if (!ids) {
        const history = await this.queries.execute(new GetCommitmentHistory(report.commitmentCode));
        ids = new Set(history.items.filter((e) => e.type === ProgressReported.type).map((e) => String(e.payload.reportId)));
        recorded.set(report.commitmentCode, ids);
      }
      if (ids.has(reportId)) {
        result.reportsAlreadyThere += 1;
        continue;
      }
      await this.commands.execute(
        new ReportProgress(
          report.commitmentCode,
          {
            period: report.period,
            agency: report.agency,
            summary: `${report.summary} [Source: ${report.source}]`,
            evidenceUrls: report.evidenceUrls,
            indicators: report.indicators,
          },
          context,
          reportId,
          // checked: every report's source names its meeting
          toInstant(meetingDate(report.sourceLines)!),
        ),
      );
      ids.add(reportId);
      result.reportsAdded += 1;
    }
  }

  private async find(code: string): Promise<CommitmentView | null> {
    try {
      return await this.queries.execute(new GetCommitment(code));
    } catch (error) {
      if (error instanceof CommitmentNotFound) return null;
      throw error;
    }
  }
}
