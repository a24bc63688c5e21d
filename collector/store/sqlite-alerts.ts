// STUB (issue 5 in progress): the helper building notifiers replaces this file.
/* eslint-disable @typescript-eslint/no-unused-vars -- stub */
import type Database from 'better-sqlite3';
import type { HostRecord } from './store.js';
import type { AlertMessage, AlertRecord, DeliveryRecord, DeliveryState, Enqueue } from './response-store.js';

const notYet = (): never => { throw new Error('alerts are not built yet'); };

export function closeDueAlerts(
  _db: Database.Database, _now: Date, _build: (alert: AlertRecord, host: HostRecord) => AlertMessage,
  _route: (m: AlertMessage) => readonly string[], _ttlMs: number,
): number { return notYet(); }
/** Inside the caller's transaction (transitionTermination uses it too). */
export function enqueueDeliveries(_db: Database.Database, _e: Enqueue, _now: Date): void { notYet(); }
export function dueDeliveries(_db: Database.Database, _now: Date, _limit: number): DeliveryRecord[] { return notYet(); }
export function recordDeliveryAttempt(
  _db: Database.Database, _id: number, _now: Date, _outcome: { delivered: true } | { delivered: false; error: string; retryAt: Date | null },
): void { notYet(); }
export function listDeliveries(_db: Database.Database, _filter: { state?: DeliveryState; limit: number }): DeliveryRecord[] { return notYet(); }
