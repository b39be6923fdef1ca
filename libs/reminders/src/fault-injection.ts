/**
 * Lets the reliability tests kill a worker at an exact point of a delivery (FAULT_INJECTION=crash-before-smtp
 * or crash-after-smtp in the worker's environment). Inert unless NODE_ENV is "test".
 */
export function crashIfInjected(point: 'crash-before-smtp' | 'crash-after-smtp'): void {
  if (process.env.NODE_ENV === 'test' && process.env.FAULT_INJECTION === point) process.kill(process.pid, 'SIGKILL');
}
