/**
 * The import report: every BPMN element, what it became (mapped), what it became with something
 * lost (partial), or why it has no counterpart (unmapped), by element id. A later finding about an
 * element can only make its status worse; notes accumulate.
 */
import type { LintProblem } from '@flowform/engine/browser';

export type MappingStatus = 'mapped' | 'partial' | 'unmapped';

export interface ReportEntry {
  elementId: string;
  elementType: string;
  name?: string;
  status: MappingStatus;
  /** What it became: `state review (user task)`, `transition review → done` … */
  to?: string;
  notes: string[];
}

export interface ImportReport {
  processId: string;
  entries: ReportEntry[];
  counts: Record<MappingStatus, number>;
  /** Elements mapped fully or partly, as a share of all elements (0..1). */
  mappedShare: number;
  /** The draft's lint problems (the engine's lintDefinition with the placeholder forms). */
  lint: LintProblem[];
  /** What the XML reader warned about (unknown elements, unresolved references). */
  warnings: string[];
}

const RANK: Record<MappingStatus, number> = { mapped: 0, partial: 1, unmapped: 2 };

/** Collects findings per element while the mapping runs. */
export class ReportBuilder {
  private readonly entries = new Map<string, ReportEntry>();

  constructor(private readonly processId: string) {}

  /** Records a finding; the worse status wins and notes add up. */
  note(
    element: { id: string; type: string; name?: string },
    status: MappingStatus,
    to?: string,
    note?: string,
  ): void {
    const entry = this.entries.get(element.id) ?? {
      elementId: element.id,
      elementType: element.type,
      ...(element.name ? { name: element.name } : {}),
      status,
      notes: [],
    };
    if (RANK[status] > RANK[entry.status]) entry.status = status;
    if (to && !entry.to) entry.to = to;
    if (note && !entry.notes.includes(note)) entry.notes.push(note);
    this.entries.set(element.id, entry);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  status(id: string): MappingStatus | undefined {
    return this.entries.get(id)?.status;
  }

  /** The report, entries in the given order of element ids (the rest after them). */
  build(lint: LintProblem[], warnings: string[], order: string[] = []): ImportReport {
    const rank = new Map(order.map((id, i) => [id, i]));
    const entries = [...this.entries.values()].sort(
      (a, b) => (rank.get(a.elementId) ?? order.length) - (rank.get(b.elementId) ?? order.length),
    );
    const counts = { mapped: 0, partial: 0, unmapped: 0 };
    for (const e of entries) counts[e.status]++;
    const total = entries.length;
    return {
      processId: this.processId,
      entries,
      counts,
      mappedShare: total === 0 ? 0 : (counts.mapped + counts.partial) / total,
      lint,
      warnings,
    };
  }
}

/** The report as text lines (the CLI prints them): one line per element, then the totals. */
export function reportText(report: ImportReport): string[] {
  const lines = report.entries.map(
    (e) =>
      `${e.status.padEnd(8)} ${e.elementType} ${e.elementId}${e.name ? ` "${e.name}"` : ''}` +
      `${e.to ? ` → ${e.to}` : ''}${e.notes.length ? `\n           ${e.notes.join('\n           ')}` : ''}`,
  );
  const { mapped, partial, unmapped } = report.counts;
  lines.push(
    `${report.entries.length} element(s): ${mapped} mapped, ${partial} partial, ${unmapped} not mapped ` +
      `(${Math.round(report.mappedShare * 100)}% mapped at least in part)`,
  );
  for (const p of report.lint) lines.push(`lint ${p.severity} ${p.code} at ${p.path}: ${p.message}`);
  lines.push(
    report.lint.some((p) => p.severity === 'error')
      ? `the draft has ${report.lint.filter((p) => p.severity === 'error').length} lint error(s): fix them before publishing`
      : 'the draft lints clean',
  );
  return lines;
}
