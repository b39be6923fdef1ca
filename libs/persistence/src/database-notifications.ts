import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { Environment } from '@hld/config';

/** Told what PostgreSQL announces on a channel, and whether it can hear it at all. */
export interface ChannelListener {
  /** A transaction that notified on the channel has committed. */
  notified(payload: string): void;
  /** LISTEN is in place: from now on, every committed notification arrives. */
  listening(): void;
  /** The connection is gone: notifications committed from now until `listening()` are missed. */
  interrupted(): void;
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/;
const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 5_000;

/**
 * PostgreSQL's LISTEN/NOTIFY, on a connection of its own (a pooled one cannot hold a LISTEN). It connects on the
 * first `listen` only, so a process that never asks holds no extra connection. A lost connection is retried
 * with backoff until shutdown; listeners hear `interrupted()` when it goes and `listening()` when it is back,
 * because whatever was announced in between is gone.
 */
@Injectable()
export class DatabaseNotifications implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseNotifications.name);
  private readonly channels = new Map<string, ChannelListener[]>();
  private client: pg.Client | null = null;
  private connected = false;
  private retryMs = FIRST_RETRY_MS;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly env: Environment) {}

  listen(channel: string, listener: ChannelListener): void {
    if (!CHANNEL.test(channel)) throw new Error(`Not a channel name: ${channel}`);
    if (this.stopped) return;
    const listeners = this.channels.get(channel);
    if (listeners) listeners.push(listener);
    else this.channels.set(channel, [listener]);
    const client = this.client;
    if (!client) {
      void this.connect();
    } else if (this.connected) {
      client.query(`LISTEN ${channel}`).then(
        () => listener.listening(),
        (error: Error) => this.lost(client, error),
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.retry = null;
    const client = new pg.Client({ connectionString: this.env.DATABASE_URL, keepAlive: true, application_name: 'hld-notifications' });
    this.client = client;
    client.on('notification', (message) => {
      for (const listener of this.channels.get(message.channel) ?? []) listener.notified(message.payload ?? '');
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.client !== client) return;
    if (this.retryMs > FIRST_RETRY_MS) this.logger.log('Listening to PostgreSQL notifications again');
    this.connected = true;
    this.retryMs = FIRST_RETRY_MS;
    for (const listeners of this.channels.values()) for (const listener of listeners) listener.listening();
  }

  /** Called for every sign of a dead connection (error, end, failed LISTEN): acts on the first, once. */
  private lost(client: pg.Client, error: Error): void {
    if (this.client !== client) return;
    this.client = null;
    const wasConnected = this.connected;
    this.connected = false;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    // one line per outage, not one per attempt
    if (wasConnected) this.logger.warn(`Lost the PostgreSQL notifications connection (${error.message}); retrying`);
    else if (this.retryMs === FIRST_RETRY_MS) this.logger.warn(`Cannot listen to PostgreSQL notifications (${error.message}); retrying`);
    if (wasConnected) for (const listeners of this.channels.values()) for (const listener of listeners) listener.interrupted();
    this.retry = setTimeout(() => void this.connect(), this.retryMs);
    this.retry.unref();
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }
}
