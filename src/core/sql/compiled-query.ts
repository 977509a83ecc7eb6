/** A value bound to a query parameter; values are never spliced into SQL text. */
export type SqlValue = string | number | bigint | boolean | null;

/** What a compiler returns and an engine runs. */
export interface CompiledQuery {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/** Collects bound parameters while SQL text is assembled. */
export class ParamList {
  readonly values: SqlValue[] = [];
  constructor(private readonly placeholder: (index: number) => string) {}

  /** Binds `value` and returns its placeholder (`$3`). */
  bind(value: SqlValue): string {
    this.values.push(value);
    return this.placeholder(this.values.length);
  }
}
