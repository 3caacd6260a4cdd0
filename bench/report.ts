/** One benchmark's findings, printed by run.ts as a table with each target marked met or not. */
export interface BenchRow {
  measure: string;
  value: string;
  /** The target in words, or '' for a figure shown for comparison only. */
  target: string;
  met?: boolean;
}

export interface BenchReport {
  title: string;
  rows: BenchRow[];
  notes: string[];
}

export function formatReport(report: BenchReport): string {
  const header: [string, string, string, string] = ['measure', 'value', 'target', 'result'];
  const lines = report.rows.map((row): [string, string, string, string] => [row.measure, row.value, row.target, row.met === undefined ? '' : row.met ? 'met' : 'NOT MET']);
  const widths = header.map((_, column) => Math.max(...[header, ...lines].map((line) => line[column]!.length)));
  const format = (line: string[]) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [report.title, format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format), ...report.notes.map((note) => `note: ${note}`)].join('\n');
}
