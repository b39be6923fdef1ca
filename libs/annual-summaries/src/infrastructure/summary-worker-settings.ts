import type { WorkerOptions } from 'bullmq';
import { InvalidConfigurationError } from '@hld/config';

/**
 * BullMQ settings of the summary worker, from the environment. Production values: the lock lasts 60 s and is renewed every 30 s while the job runs, and a job
 * whose worker died is taken back after the lock lapses (at most 60 s + 30 s); tests set 2 s and 1 s.
 */
const SETTINGS = {
  ANNUAL_SUMMARY_LOCK_DURATION_MS: 60_000,
  ANNUAL_SUMMARY_STALLED_INTERVAL_MS: 30_000,
} as const;

function positiveMs(source: NodeJS.ProcessEnv, name: keyof typeof SETTINGS): number {
  const raw = source[name];
  if (raw === undefined || raw === '') return SETTINGS[name];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 500 || value > 3_600_000) {
    throw new InvalidConfigurationError([`Invalid setting ${name}=${JSON.stringify(raw)}: must be milliseconds from 500 to 3600000`]);
  }
  return value;
}

type SummaryWorkerOptions = Pick<WorkerOptions, 'concurrency' | 'lockDuration' | 'stalledInterval' | 'maxStalledCount'>;

/**
 * The options are getters: the processor decorator runs when the module is imported (the API imports it too),
 * but the settings are read, and a bad one reported in one line, only when the worker starts its processor.
 */
export function summaryWorkerOptions(source: NodeJS.ProcessEnv = process.env): SummaryWorkerOptions {
  return {
    // one compilation at a time per worker: a large year is memory- and CPU-heavy
    concurrency: 1,
    get lockDuration() {
      return positiveMs(source, 'ANNUAL_SUMMARY_LOCK_DURATION_MS');
    },
    get stalledInterval() {
      return positiveMs(source, 'ANNUAL_SUMMARY_STALLED_INTERVAL_MS');
    },
    // a job taken back from a dead worker is run again (once); the compilation is all-or-nothing, so that is safe
    maxStalledCount: 1,
  };
}
