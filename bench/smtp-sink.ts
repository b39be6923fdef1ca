/**
 * The benchmarks' SMTP server, in a process of its own as a real mail server would be (sharing the event loop
 * of the process that sends would charge the server's work to the sender). Counts what it accepts and reports
 * to its parent, on request, how many messages came in and when the last did (epoch milliseconds).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

const now = (): number => performance.timeOrigin + performance.now();

export interface SmtpSinkProcess {
  port: number;
  stats(): Promise<{ count: number; lastAt: number }>;
  close(): Promise<void>;
}

export async function startSmtpSinkProcess(): Promise<SmtpSinkProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`SMTP sink exited with ${code}`)));
  });
  return {
    port,
    stats: () =>
      new Promise((resolve) => {
        child.once('message', (m: { count: number; lastAt: number }) => resolve(m));
        child.send('stats');
      }),
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function serve(): void {
  let count = 0;
  let lastAt = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData: (stream, _session, callback) => {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        count += 1;
        lastAt = now();
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.server.address() as AddressInfo).port }));
  process.on('message', () => process.send!({ count, lastAt }));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

if (process.argv.includes('--serve')) serve();
