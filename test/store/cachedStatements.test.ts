import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '../../core/store/cachedStatements.js';

describe('withStatementCache', () => {
  let raw: Database.Database;
  afterEach(() => raw?.close());

  const open = () => {
    raw = new Database(':memory:');
    raw.exec('create table t (n integer)');
    raw.exec('insert into t values (1), (2), (3)');
    return raw;
  };

  it('hands out the same statement for the same SQL', () => {
    const db = withStatementCache(open());
    expect(db.prepare('select n from t')).toBe(db.prepare('select n from t'));
    expect(db.prepare('select n from t order by n')).not.toBe(db.prepare('select n from t'));
  });

  it('never hands out a statement that is still iterating', () => {
    const db = withStatementCache(open());
    const outer = db.prepare('select n from t order by n');
    const seen: number[] = [];
    for (const row of outer.iterate([]) as Iterable<{ n: number }>) {
      // The same SQL while the first statement is busy: a fresh statement that works.
      const inner = db.prepare('select n from t order by n');
      expect(inner).not.toBe(outer);
      seen.push(row.n, (inner.all([]) as { n: number }[]).length);
    }
    expect(seen).toEqual([1, 3, 2, 3, 3, 3]);
    expect(db.prepare('select n from t order by n')).toBe(outer);
  });

  it('keeps at most `max` statements, dropping the least recently used', () => {
    const db = withStatementCache(open(), 2);
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a); // a is now the most recent
    db.prepare('select 3'); // evicts b
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
  });

  it('sees schema changes (SQLite re-prepares a cached statement)', () => {
    const db = withStatementCache(open());
    expect(db.prepare('select * from t limit 1').all([])).toEqual([{ n: 1 }]);
    raw.exec('alter table t add column m integer default 7');
    expect(db.prepare('select * from t limit 1').all([])).toEqual([{ n: 1, m: 7 }]);
  });
});
