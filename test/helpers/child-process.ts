import { spawn, type ChildProcess } from 'node:child_process';
import { TEST_DATABASE_URL } from '../test-environment.js';

const ENTRIES = { api: 'dist/apps/api/src/main.js', worker: 'dist/apps/worker/src/main.js' } as const;

/** Starts a built process (npm test builds first) on the test database, with `env` on top. */
export function startBuilt(entry: keyof typeof ENTRIES, env: Record<string, string>, stdout: 'pipe' | 'ignore' = 'pipe'): ChildProcess {
  return spawn(process.execPath, [ENTRIES[entry]], {
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'test', DATABASE_URL: TEST_DATABASE_URL, ...env },
    stdio: ['ignore', stdout, 'pipe'],
  });
}

/** How the process ended: its exit code, or the signal that ended it. */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}
