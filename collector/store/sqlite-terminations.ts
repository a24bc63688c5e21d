// STUB (issue 5 in progress): the helper building the governor replaces this file.
/* eslint-disable @typescript-eslint/no-unused-vars -- stub */
import type Database from 'better-sqlite3';
import type { AuditEntry } from './store.js';
import type { Enqueue, TerminationChange, TerminationFilter, TerminationRecord, TerminationState } from './response-store.js';

const notYet = (): never => { throw new Error('terminations are not built yet'); };

export function listTerminations(_db: Database.Database, _filter: TerminationFilter): TerminationRecord[] { return notYet(); }
export function getTermination(_db: Database.Database, _id: number): TerminationRecord | undefined { return notYet(); }
export function transitionTermination(
  _db: Database.Database, _id: number, _from: readonly TerminationState[], _to: TerminationState, _change: TerminationChange,
  _audit: Omit<AuditEntry, 'id'>, _enqueue?: Enqueue,
): boolean { return notYet(); }
export function claimGovernorPage(_db: Database.Database, _checkKey: string, _bucket: number, _now: Date): boolean { return notYet(); }
