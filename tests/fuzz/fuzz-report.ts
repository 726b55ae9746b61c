/**
 * What a fuzz run saw: requests and statuses per operation, and its failures deduplicated by
 * (operation, status, problem code or first schema error), each kept with its smallest
 * reproduction. Renders the summary table, the findings list (the lead's to-do list) and the one
 * final JSON line CI greps for.
 */
import type { CheckResult, FailureKind } from './response-check';

/** A request as someone would retype it. */
export interface Reproduction {
  method: string;
  url: string;
  /** A demo username, or `anonymous`. */
  user: string;
  headers: Record<string, string>;
  body?: string;
  /** What was hostile about it (`valid` when nothing was). */
  mutation: string;
  /** Valid itself, sent at once with a hostile request. */
  neighbour?: boolean;
}

export interface Finding {
  operation: string;
  status: number;
  kind: FailureKind;
  /** The problem code, or the failure's detail when there is none. */
  signature: string;
  detail: string;
  count: number;
  /** The smallest reproduction seen. */
  reproduction: Reproduction;
  /** The smallest reproduction per kind of hostile change (`path id`, `query cursor`, `body /data/x`…). */
  triggers: Map<string, Reproduction>;
}

export interface FuzzReport {
  record(operation: string, status: number, check: CheckResult, reproduction: Reproduction): void;
  /** A request the client could not even build (a header value no HTTP client may send). */
  skip(operation: string): void;
  findings(): Finding[];
  /** Requests sent to one operation. */
  sentTo(operation: string): number;
  totals(): { requests: number; status500: number; schemaMismatches: number; skipped: number };
  summaryTable(): string;
  findingsText(): string;
  finalLine(seed: number): string;
}

export function fuzzReport(): FuzzReport {
  const perOperation = new Map<string, { sent: number; skipped: number; statuses: Map<number, number> }>();
  const failures = new Map<string, Finding>();
  let status500 = 0;
  let schemaMismatches = 0;
  const row = (operation: string) => {
    let r = perOperation.get(operation);
    if (!r) {
      r = { sent: 0, skipped: 0, statuses: new Map() };
      perOperation.set(operation, r);
    }
    return r;
  };
  const findings = () =>
    [...failures.values()].sort(
      (a, b) => rank(a) - rank(b) || a.operation.localeCompare(b.operation) || a.status - b.status,
    );

  return {
    record(operation, status, check, reproduction) {
      const r = row(operation);
      r.sent++;
      r.statuses.set(status, (r.statuses.get(status) ?? 0) + 1);
      if (!check.failure) return;
      if (check.failure.kind === 'status-5xx') status500++;
      else schemaMismatches++;
      const signature = signatureOf(check, reproduction);
      const key = `${operation}|${status}|${signature}`;
      const known = failures.get(key);
      const trigger = triggerOf(reproduction.mutation);
      if (known) {
        known.count++;
        if (size(reproduction) < size(known.reproduction)) known.reproduction = reproduction;
        const seen = known.triggers.get(trigger);
        if (!seen || size(reproduction) < size(seen)) known.triggers.set(trigger, reproduction);
        return;
      }
      failures.set(key, {
        operation,
        status,
        kind: check.failure.kind,
        signature,
        detail: check.failure.detail,
        count: 1,
        reproduction,
        triggers: new Map([[trigger, reproduction]]),
      });
    },
    skip(operation) {
      row(operation).skipped++;
    },
    findings,
    sentTo: (operation) => perOperation.get(operation)?.sent ?? 0,
    totals() {
      const rows = [...perOperation.values()];
      return {
        requests: rows.reduce((n, r) => n + r.sent, 0),
        status500,
        schemaMismatches,
        skipped: rows.reduce((n, r) => n + r.skipped, 0),
      };
    },
    summaryTable() {
      const lines = [...perOperation.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([operation, r]) => {
          const statuses = [...r.statuses.entries()]
            .sort(([a], [b]) => a - b)
            .map(([s, n]) => `${s}×${n}`)
            .join(' ');
          const failed = [...failures.values()].filter((f) => f.operation === operation).length;
          return [operation, String(r.sent), statuses, failed ? `${failed} FAILING` : ''];
        });
      return table(['operation', 'sent', 'statuses', 'failures'], lines);
    },
    findingsText() {
      const list = findings();
      if (list.length === 0) return 'No failures.';
      const crashes = list.filter((f) => f.kind === 'status-5xx');
      const mismatches = list.filter((f) => f.kind !== 'status-5xx');
      return [
        `== ${crashes.length} distinct 5xx (server errors, by operation and cause) ==`,
        ...crashes.map((f, i) => describe(f, i + 1)),
        `== ${mismatches.length} distinct answers outside the documented contract ==`,
        ...mismatches.map((f, i) => describe(f, crashes.length + i + 1)),
      ].join('\n\n');
    },
    finalLine(seed) {
      const t = this.totals();
      return JSON.stringify({
        fuzz: 'api',
        seed,
        requests: t.requests,
        status500: t.status500,
        schemaMismatches: t.schemaMismatches,
      });
    },
  };
}

/** What tells failures apart: a 5xx by its server-side cause, a mismatch by its first error, else the code. */
function signatureOf(check: CheckResult, reproduction: Reproduction): string {
  const failure = check.failure!;
  if (failure.kind === 'status-5xx' && reproduction.neighbour)
    return `valid request failed by a concurrent hostile one: ${normalise(failure.detail)}`;
  if (failure.kind === 'status-5xx')
    return `${check.problemCode ?? 'no problem document'}: ${normalise(failure.detail)}`;
  if (failure.kind === 'schema-mismatch' || !check.problemCode) return failure.detail;
  return check.problemCode;
}

/** A cause without the values in it: `unknown unit "z"` and `unknown unit "y"` are one finding. */
const normalise = (detail: string) => detail.replace(/"[^"]*"/g, '"…"');

const rank = (f: Finding) => (f.kind === 'status-5xx' ? 0 : 1);

function size(r: Reproduction): number {
  return r.url.length + (r.body?.length ?? 0) + Object.values(r.headers).join('').length;
}

/** The kind of hostile change, without its value: `path id = %00` → `path id`; array indexes as `*`. */
function triggerOf(mutation: string): string {
  return mutation.split(' = ')[0]!.replace(/\/\d+(?=\/|$)/g, '/*');
}

function describe(f: Finding, n: number): string {
  const others = [...f.triggers.values()].filter((r) => r !== f.reproduction).slice(0, 4);
  return [
    `#${n} [${f.kind}] ${f.operation} → ${f.status} ${f.signature} (${f.count}×)`,
    `   ${f.detail}`,
    ...reproLines(f.reproduction, '   '),
    ...others.flatMap((r) => ['   also:', ...reproLines(r, '     ')]),
  ].join('\n');
}

function reproLines(r: Reproduction, indent: string): string[] {
  const headers = Object.entries(r.headers)
    .map(([k, v]) => `${k}: ${preview(v)}`)
    .join('; ');
  return [
    `as ${r.user}: ${r.method} ${preview(r.url)}`,
    ...(headers ? [`headers: ${headers}`] : []),
    ...(r.body !== undefined ? [`body: ${preview(r.body)}`] : []),
    `hostile: ${preview(r.mutation, 120)}`,
  ].map((line) => `${indent}${line}`);
}

/** Long values shortened for reading (the length says how long the real one was). */
export function preview(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max)}…(${text.length} chars)`;
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}
