/**
 * Recognises the errors a driver raises while PostgreSQL or Redis is down or restarting, so the edge can
 * answer 503 with Retry-After instead of a 500.
 */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08006',
  '53300', // too_many_connections
]);

const CONNECTION_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection is closed',
  "Stream isn't writeable",
];

export function isServiceUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string; message?: string } };
  const code = e?.driverError?.code ?? e?.code;
  if (code && CONNECTION_ERROR_CODES.has(code)) return true;
  const message = e?.driverError?.message ?? e?.message ?? '';
  return CONNECTION_MESSAGES.some((m) => message.includes(m));
}
