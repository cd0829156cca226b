/** A WHERE clause built from optional filters, with its positional parameters. */
export class SqlFilter {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /** A placeholder for `value`. */
  param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  /** Adds `column = value` when a value is given. */
  equals(column: string, value: string | undefined): this {
    if (value !== undefined) this.conditions.push(`${column} = ${this.param(value)}`);
    return this;
  }

  where(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  clause(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
