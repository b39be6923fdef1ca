import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  to: string[];
  subject: string;
  messageId: string;
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives; `failing` makes it refuse every message. */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  failing = false;
  private server: SMTPServer;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      onData: (stream, session, callback) => {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        stream.on('end', () => {
          if (this.failing) return callback(new Error('451 mailbox temporarily unavailable'));
          // headers are folded onto continuation lines when long: unfold before reading them
          const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
          const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
          this.messages.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: header('Subject'), messageId: header('Message-ID'), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  to(email: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(email));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Polls `check` until it stops throwing (or returns true), instead of sleeping a fixed time. */
export async function eventually(check: () => unknown | Promise<unknown>, timeoutMs = 15_000, everyMs = 100): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const result = await check();
      if (result !== false) return;
    } catch (error) {
      if (Date.now() > until) throw error;
    }
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
