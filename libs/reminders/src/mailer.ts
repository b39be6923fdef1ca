import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { Environment } from '@hld/config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per notification, so a receiving system can recognise a repeat. */
  messageId: string;
}

/** Email over SMTP (nodemailer), one pooled connection per worker. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(private readonly env: Environment) {
    // pooled: a reminder run sends hundreds of messages; one SMTP handshake per message would dominate
    this.transport = nodemailer.createTransport(
      { url: env.SMTP_URL, pool: true, maxConnections: env.NOTIFICATION_CONCURRENCY },
      { from: env.MAIL_FROM },
    );
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({ ...mail, from: this.env.MAIL_FROM });
  }

  /** Last: the delivery jobs have finished by now (they drain before application shutdown). */
  onApplicationShutdown(): void {
    this.transport.close();
  }
}
