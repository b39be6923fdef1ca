import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  to: string[];
  subject: string;
  messageId: string;
  /** The decoded text and HTML bodies (transfer encodings undone, so long lines are whole again). */
  body: string;
}

/**
 * A real SMTP server on loopback that keeps what it receives; `failing` makes it refuse every message, and
 * `beforeAccept` holds each message until it resolves (to act while a sender waits on the server).
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  failing = false;
  beforeAccept: ((mail: ReceivedMail) => Promise<void>) | null = null;
  private server: SMTPServer;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.failing) return callback(new Error('451 mailbox temporarily unavailable'));
          const to = session.envelope.rcptTo.map((r) => r.address);
          simpleParser(Buffer.concat(chunks)).then(
            async (mail) => {
              const received = {
                to,
                subject: mail.subject ?? '',
                messageId: mail.messageId ?? '',
                body: `${mail.text ?? ''}\n${mail.html || ''}`,
              };
              await this.beforeAccept?.(received);
              this.messages.push(received);
              callback();
            },
            (error: Error) => callback(error),
          );
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
