import { CommandBus } from '@nestjs/cqrs';
import type { INestApplicationContext } from '@nestjs/common';
import { EventStore } from '@hld/persistence';
import { DomainError, type ChangeContext } from '@hld/kernel';
import { ChangeCommitmentStatus, RegisterCommitment, type Commitment } from '@hld/commitments';
import { CommitmentRepository } from '../../libs/commitments/src/domain/commitment-repository.js';
import { EventSourcedCommitmentRepository } from '../../libs/commitments/src/infrastructure/event-sourced-commitment-repository.js';
import { aCommitment } from '../helpers/factories.js';
import { TestClock } from '../helpers/test-clock.js';
import { startCommitmentsContext } from '../helpers/commitments-context.js';

const context: ChangeContext = { actor: { id: 'integration-test', role: 'coordinator', agency: null }, correlationId: 'test' };

/** How an update ended, in the terms the API answers with. */
type Outcome = { version: number } | { code: string; currentVersion?: unknown };

/**
 * The rule on CommitmentRepository.update, held by the repository the application gets (the event-sourced one
 * behind the kept-state cache): how often `change` runs, what is tried again, and that the kept states change
 * no answer.
 */
describe('CommitmentRepository.update (real PostgreSQL)', () => {
  let app: INestApplicationContext;
  let repository: CommitmentRepository;
  let stored: EventSourcedCommitmentRepository;
  let eventStore: EventStore;
  let commands: CommandBus;
  const clock = new TestClock(new Date('2014-02-20T09:00:00Z'));

  beforeAll(async () => {
    app = await startCommitmentsContext(clock);
    repository = app.get(CommitmentRepository);
    stored = app.get(EventSourcedCommitmentRepository);
    eventStore = app.get(EventStore);
    commands = app.get(CommandBus);
  });
  afterAll(() => app.close());

  /** A commitment at version 2 (accepted), its state kept by the repository the application uses. */
  const acceptedCommitment = async (): Promise<string> => {
    const { id } = await commands.execute(new RegisterCommitment(aCommitment(), context));
    await commands.execute(new ChangeCommitmentStatus(id, 1, 'accepted', {}, context));
    return id;
  };

  /** Another process moves the commitment on (to in_progress) behind the kept state's back. */
  const movedElsewhere = (id: string, version: number) =>
    stored.update(id, version, context, (c) => void c.changeStatus('in_progress', {}, clock.now()));

  const refusals: Array<[string, () => DomainError]> = [
    ['an illegal transition (409)', () => new DomainError('ILLEGAL_TRANSITION', 'conflict', 'refused by the lifecycle')],
    ['a refusal of the actor (403)', () => new DomainError('NOT_ALLOWED', 'forbidden', 'refused to this actor')],
    ['an invalid request (422)', () => new DomainError('REASON_REQUIRED', 'unprocessable', 'refused for its content')],
  ];

  const outcome = async (update: Promise<Commitment>): Promise<Outcome> => {
    try {
      return { version: (await update).version };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { code: error.code, currentVersion: error.details.currentVersion };
    }
  };

  it('applies a change named by version from the kept state, without reading the stream', async () => {
    const id = await acceptedCommitment();
    const readStream = eventStore.readStream;
    const reads: string[] = [];
    eventStore.readStream = (streamId, options) => (reads.push(streamId), readStream.call(eventStore, streamId, options));
    let runs = 0;
    try {
      const result = await repository.update(id, 2, context, (c) => {
        runs += 1;
        c.changeStatus('in_progress', {}, clock.now());
      });
      expect(result.version).toBe(3);
    } finally {
      eventStore.readStream = readStream;
    }
    expect(runs).toBe(1);
    expect(reads).toEqual([]);
  });

  it.each(refusals)('runs a change named by version once when it refuses on the kept state: %s is the answer', async (_, refusal) => {
    const id = await acceptedCommitment();
    let runs = 0;
    const answer = await outcome(
      repository.update(id, 2, context, () => {
        runs += 1;
        throw refusal();
      }),
    );
    expect(answer).toEqual({ code: refusal().code, currentVersion: undefined });
    expect(runs).toBe(1);
    expect((await eventStore.readStream(id)).length).toBe(2);
  });

  it.each(refusals)(
    'answers 409 for a version the store has left, when the kept state refused with %s, as the stream would',
    async (_, refusal) => {
      const id = await acceptedCommitment();
      await movedElsewhere(id, 2);
      let runs = 0;
      const refuse = () => {
        runs += 1;
        throw refusal();
      };
      const kept = await outcome(repository.update(id, 2, context, refuse));
      expect(runs).toBe(1);
      expect(kept).toEqual({ code: 'VERSION_CONFLICT', currentVersion: 3 });
      // the plain repository (the stream) gives the same answer, without deciding anything on the stale state
      expect(await outcome(stored.update(id, 2, context, refuse))).toEqual(kept);
      expect(runs).toBe(1);
      expect((await eventStore.readStream(id)).length).toBe(3);
    },
  );

  it('answers 409 for a version the store has left when the kept state allowed the change, and writes nothing', async () => {
    const id = await acceptedCommitment();
    await movedElsewhere(id, 2);
    const answer = await outcome(repository.update(id, 2, context, (c) => void c.changeStatus('in_progress', {}, clock.now())));
    expect(answer).toEqual({ code: 'VERSION_CONFLICT', currentVersion: 3 });
    expect((await eventStore.readStream(id)).length).toBe(3);
  });

  it.each(refusals)('never tries a change that names no version again when it refuses with %s', async (_, refusal) => {
    const id = await acceptedCommitment();
    let runs = 0;
    const answer = await outcome(
      repository.update(id, undefined, context, () => {
        runs += 1;
        throw refusal();
      }),
    );
    expect(answer).toEqual({ code: refusal().code, currentVersion: undefined });
    expect(runs).toBe(1);
  });
});
