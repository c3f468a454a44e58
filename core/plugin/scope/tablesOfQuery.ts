import type { OperationNode } from 'kysely';

/** The tables a query names, and whether it is raw SQL the tree cannot see into. */
export interface QueryTables {
  /** Every table the query reads or writes, as written (`schema.table` when qualified). */
  readonly tables: ReadonlySet<string>;
  /** The root is raw SQL text (`sql\`…\`.execute(db)`): which tables it names is unknown. */
  readonly raw: boolean;
}

/**
 * Walks a query's operation tree and collects the tables it names: in `from`, joins,
 * `into`, `update`, `delete`, `using`, subqueries, DDL (`create table`, `references`)
 * and `sql.table()` inside raw fragments. A column reference's table (`r.id`) is a
 * qualifier, not a table, and is skipped; so is the name a `with` clause defines.
 */
export function tablesOfQuery(root: OperationNode): QueryTables {
  const tables = new Set<string>();
  const commonTableExpressions = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as { kind?: string } & Record<string, unknown>;
    switch (node.kind) {
      case 'TableNode':
        tables.add(tableName(node));
        return;
      case 'CommonTableExpressionNameNode':
        commonTableExpressions.add(tableName(node.table as Record<string, unknown>));
        return;
      case 'ReferenceNode':
        // `r.id`: visit the column, not the qualifier.
        visit(node.column);
        return;
    }
    for (const child of Object.values(node)) visit(child);
  };
  visit(root);
  for (const name of commonTableExpressions) tables.delete(name);
  return { tables, raw: root.kind === 'RawNode' };
}

function tableName(node: Record<string, unknown>): string {
  const table = node.table as { schema?: { name: string }; identifier: { name: string } };
  return table.schema ? `${table.schema.name}.${table.identifier.name}` : table.identifier.name;
}
