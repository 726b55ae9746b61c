/** Parameters of a statement built as text, in order; each call returns the placeholder it added. */
export class StatementParams {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
  /** Rows as one JSON parameter, read back with json_to_recordset. */
  rows(rows: unknown[]): string {
    return this.add(JSON.stringify(rows), '::json');
  }
}
