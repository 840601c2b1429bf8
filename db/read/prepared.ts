import type { Reads } from './reads';

/**
 * A builder query rendered to SQL once per connection. Drizzle renders a query's SQL on every run,
 * which for a record page's wide join costs several times the query itself; hot reads build once
 * with `sql.placeholder` and run the prepared query with the values (`.get({ id })`).
 */
export function preparedPerReads<Prepared>(build: (reads: Reads) => Prepared): (reads: Reads) => Prepared {
  const byReads = new WeakMap<Reads, Prepared>();
  return (reads) => {
    let prepared = byReads.get(reads);
    if (!prepared) {
      prepared = build(reads);
      byReads.set(reads, prepared);
    }
    return prepared;
  };
}
