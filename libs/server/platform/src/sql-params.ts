/** Collects positional parameters while a query is built: `p(value)` → `$n`, after any `initial` ones. */
export class SqlParams {
  readonly values: unknown[];
  constructor(initial: unknown[] = []) {
    this.values = [...initial];
  }
  readonly p = (value: unknown): string => {
    this.values.push(value);
    return `$${this.values.length}`;
  };
}
