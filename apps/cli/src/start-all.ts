import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { FirstAdminOutcome } from '@hld/identity';

/**
 * `npm start`'s last step: runs the API and the worker side by side, their lines prefixed with their names, and,
 * once both have started and gone quiet, prints where the web app is (and, on a fresh install, the first admin's
 * email and password) as its LAST lines, where a newcomer looks, not somewhere among the start-up logs.
 * One of them stopping stops the other; Ctrl+C (or SIGTERM) stops both gracefully, each signalled once.
 */
const ENTRIES = {
  api: fileURLToPath(new URL('../../api/src/main.js', import.meta.url)),
  worker: fileURLToPath(new URL('../../worker/src/main.js', import.meta.url)),
} as const;
type Name = keyof typeof ENTRIES;

/** The API says this once it listens (apps/api/src/main.ts), the worker once it takes jobs (WorkerReadiness). */
const STARTED: Record<Name, RegExp> = { api: /listening on /, worker: /Worker ready/ };
/** How long the output must stay quiet before the last lines are printed, and the most it waits for that. */
const QUIET_MS = 1_500;
const QUIET_AT_MOST_MS = 15_000;
/** The worker says it is ready at log level `log`; with a quieter LOG_LEVEL it says nothing, and is waited for so long. */
const WORKER_SILENT_MS = 20_000;

export interface StartAllOptions {
  publicUrl: string;
  firstAdmin: FirstAdminOutcome;
  /** Where the lines go (tests collect them). */
  out?: NodeJS.WritableStream;
}

/** Runs both until they stop; resolves with the exit code `npm start` should end with. */
export async function startAll({ publicUrl, firstAdmin, out = process.stdout }: StartAllOptions): Promise<number> {
  const colours = out === process.stdout && process.stdout.isTTY ? { api: '\x1b[34m', worker: '\x1b[35m', reset: '\x1b[0m' } : null;
  let lastOutputAt = Date.now();
  const started = new Set<Name>();
  const children = new Map<Name, ChildProcess>();
  let stopping = false;
  /** Stopping because we were asked to (a signal), not because one of them stopped by itself. */
  let asked = false;

  const print = (line: string) => {
    lastOutputAt = Date.now();
    out.write(`${line}\n`);
  };

  const exits = (Object.keys(ENTRIES) as Name[]).map((name) => {
    // a process group of its own: Ctrl+C reaches the launcher only, which signals each child once (a second
    // signal would make it stop at once, without finishing its work)
    const child = spawn(process.execPath, [ENTRIES[name]], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    children.set(name, child);
    const prefix = colours ? `${colours[name]}[${name}]${colours.reset} ` : `[${name}] `;
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        if (STARTED[name].test(line)) started.add(name);
        print(`${prefix}${line}`);
      });
    }
    return new Promise<{ name: Name; code: number }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ name, code: code ?? (signal ? 128 + 2 : 1) })),
    );
  });

  const stopAll = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const child of children.values()) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const onSignal = (signal: NodeJS.Signals) => () => {
    asked = true;
    stopAll(signal);
  };
  const onInt = onSignal('SIGINT');
  const onTerm = onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  // never leave them running behind
  const killLeft = () => {
    for (const child of children.values()) if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.on('exit', killLeft);

  const firstExit = Promise.race(exits);
  void firstExit.then(({ name }) => {
    if (!stopping) print(`[${name}] stopped: stopping the ${name === 'api' ? 'worker' : 'API'} too`);
    stopAll('SIGTERM');
  });

  void announceWhenStarted();
  const codes = await Promise.all(exits);
  process.off('SIGINT', onInt);
  process.off('SIGTERM', onTerm);
  process.off('exit', killLeft);
  if (asked) return codes.every(({ code }) => code === 0) ? 0 : 1;
  return (await firstExit).code || 1; // one of them stopped by itself: a failure, whatever its code

  async function announceWhenStarted(): Promise<void> {
    const begun = Date.now();
    const until = async (done: () => boolean, atMostMs: number) => {
      const deadline = Date.now() + atMostMs;
      while (!done() && Date.now() < deadline && !stopping) await new Promise((resolve) => setTimeout(resolve, 100));
      return done();
    };
    if (!(await until(() => started.has('api'), 5 * 60_000))) return; // it stopped (or never listened): nothing to announce
    await until(() => started.has('worker'), Math.max(0, WORKER_SILENT_MS - (Date.now() - begun)));
    // the first sweep, the first notices: let them be printed first
    await until(() => Date.now() - lastOutputAt >= QUIET_MS, QUIET_AT_MOST_MS);
    if (stopping) return;
    for (const line of lastLines(publicUrl, firstAdmin)) print(line);
  }
}

/** The words `npm start` ends with. */
export function lastLines(publicUrl: string, firstAdmin: FirstAdminOutcome): string[] {
  const base = publicUrl.replace(/\/+$/, '');
  const lines = [
    '',
    `HLD follow-up tracker: the API and the worker are running (stop them with Ctrl+C). API documentation: ${base}/api/docs`,
    `Web app: ${base}/`,
  ];
  if (firstAdmin.created) {
    lines.push(
      firstAdmin.passwordFrom === 'generated'
        ? `First admin, created now: ${firstAdmin.email}, password ${firstAdmin.password} (shown this once: sign in, then change it in Settings)`
        : `First admin, created now: ${firstAdmin.email}, with the password set in ADMIN_PASSWORD`,
    );
  }
  return lines;
}
