// Opens the database: better-sqlite3 (embedded, WAL) by default, PostgreSQL when a URL is given.
// Everything that differs between the two dialects lives here (see `Db`), so queries elsewhere stay portable.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /**
   * Row-locks the given users for the rest of the transaction, always in the same (sorted) order so
   * concurrent transactions cannot deadlock. On SQLite a write transaction already excludes every other
   * writer, so this is a no-op there.
   */
  lockUsers(trx: Transaction<Database>, appId: string, userIds: string[]): Promise<void>;
  /**
   * Inserts many rows in the open transaction, faster than a multi-row VALUES built by the query
   * builder (fan-outs write thousands). `conflictColumns`: skip rows that collide on them.
   */
  bulkInsert<T extends keyof Database & string>(
    trx: Transaction<Database>,
    table: T,
    rows: Array<Record<string, unknown>>,
    conflictColumns?: string[],
  ): Promise<void>;
  /** Is this error a transient conflict (deadlock, serialization, busy) worth retrying the transaction for? */
  isRetryable(err: unknown): boolean;
  /** Is this error a unique-constraint violation? */
  isUniqueViolation(err: unknown): boolean;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string | undefined;
  sqlitePath: string;
}

export async function connectDb(options: ConnectOptions): Promise<Db> {
  const db = options.databaseUrl ? openPostgres(options.databaseUrl) : openSqlite(options.sqlitePath);
  // Unordered: migrations added on parallel lines of work may land in any order on an existing database.
  const migrator = new Migrator({ db: db.kysely, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.close();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return db;
}

function openSqlite(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  // FULL: a write acknowledged to a client survives power loss / SIGKILL, not only a process crash.
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  const statements = new Map<string, SQLite.Statement>();
  return {
    kysely,
    dialect: 'sqlite',
    async lockUsers() {},
    // Kysely's SQLite driver runs every statement, transactions included, on this one synchronous
    // connection; a prepared statement run here between the transaction's awaits is part of it.
    // Rows go CHUNK at a time through one multi-row statement (a native call per row costs more than
    // the insert itself); the remainder goes row by row, so only two statements per shape are cached.
    async bulkInsert(_trx, table, rows, conflictColumns) {
      const columns = rows[0] ? Object.keys(rows[0]) : [];
      if (columns.length === 0) return;
      const head = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values `;
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      const prepared = (count: number) => {
        const text = `${head}${Array.from({ length: count }, () => tuple).join(', ')}${onConflict(conflictColumns)}`;
        let statement = statements.get(text);
        if (!statement) statements.set(text, (statement = database.prepare(text)));
        return statement;
      };
      const chunk = Math.max(1, Math.min(SQLITE_CHUNK_ROWS, Math.floor(SQLITE_MAX_PARAMS / columns.length)));
      let i = 0;
      if (rows.length >= chunk) {
        const statement = prepared(chunk);
        for (; i + chunk <= rows.length; i += chunk) {
          const params: unknown[] = [];
          for (let j = i; j < i + chunk; j++) for (const c of columns) params.push(rows[j]![c]);
          statement.run(params);
        }
      }
      if (i < rows.length) {
        const statement = prepared(1);
        for (; i < rows.length; i++) statement.run(columns.map((c) => rows[i]![c]));
      }
    },
    isRetryable: (err) => /SQLITE_BUSY/.test(codeOf(err)),
    isUniqueViolation: (err) => /SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)/.test(codeOf(err)),
    close: () => kysely.destroy(),
  };
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    dialect: 'postgres',
    async lockUsers(trx, appId, userIds) {
      if (userIds.length === 0) return;
      const sorted = [...userIds].sort();
      await sql`select id from users where app_id = ${appId} and id in (${sql.join(sorted)}) order by id for update`.execute(trx);
    },
    // One statement whatever the row count: each column travels as one array parameter.
    async bulkInsert(trx, table, rows, conflictColumns) {
      const columns = rows[0] ? Object.keys(rows[0]) : [];
      if (columns.length === 0) return;
      const arrays = columns.map((c) => sql`${rows.map((r) => r[c] ?? null)}::${sql.raw(INTEGER_COLUMNS.has(c) ? 'integer' : 'text')}[]`);
      await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})${sql.raw(onConflict(conflictColumns))}`.execute(trx);
    },
    isRetryable: (err) => ['40P01', '40001'].includes(codeOf(err)),
    isUniqueViolation: (err) => codeOf(err) === '23505',
    close: () => kysely.destroy(),
  };
}

// SQLite's default SQLITE_MAX_VARIABLE_NUMBER is 32766; a chunk stays well below it.
const SQLITE_MAX_PARAMS = 32_000;
const SQLITE_CHUNK_ROWS = 100;
const INTEGER_COLUMNS = new Set(['seq', 'pruned_seq', 'locked', 'enabled', 'attempts', 'recipient_count', 'delivered_count', 'suppressed_count']);
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const onConflict = (columns?: string[]) => (columns ? ` on conflict (${columns.map(quote).join(', ')}) do nothing` : '');

function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
}
