import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** A worker process's identity in operation leases: host, pid and a random part (pids are reused). */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
