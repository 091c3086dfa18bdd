// What an import reports: counts, and the rejected rows by line number.
import type { BulkRequestView } from "../bulk/index.ts";

/** Rejections listed in the report; the total is always given. */
export const MAX_LISTED_REJECTIONS = 100;

export interface Rejection {
  line: number;
  email: string | null;
  reason: string;
}

export interface ImportReport {
  importId: number;
  fileName: string | null;
  /** Data rows read (the header not counted, empty lines skipped). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first rejections by line number (at most MAX_LISTED_REJECTIONS). */
  rejections: Rejection[];
  list: { name: string; created: boolean; added: number } | null;
  /** "Set all as marketing": the bulk request made, or null (not asked, or nothing would change). */
  marketingRequest: BulkRequestView | null;
  marketingRequested: boolean;
  /** Bulk requests made by automation rules that paused during the import (R16). */
  ruleRequests: BulkRequestView[];
  /** Contacts the automation rules changed during the import. */
  ruleChanges: number;
}

/** Rejections: all counted, the lowest MAX_LISTED_REJECTIONS line numbers kept. */
export class RejectionLog {
  total = 0;
  readonly listed: Rejection[] = [];
  add(r: Rejection): void {
    this.total++;
    const last = this.listed.at(-1);
    if (this.listed.length >= MAX_LISTED_REJECTIONS && last && r.line >= last.line) return;
    this.listed.push(r);
    this.listed.sort((a, b) => a.line - b.line);
    if (this.listed.length > MAX_LISTED_REJECTIONS) this.listed.pop();
  }
}
