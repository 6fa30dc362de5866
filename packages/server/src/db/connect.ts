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
  const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
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
  return {
    kysely,
    dialect: 'sqlite',
    async lockUsers() {},
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
    isRetryable: (err) => ['40P01', '40001'].includes(codeOf(err)),
    isUniqueViolation: (err) => codeOf(err) === '23505',
    close: () => kysely.destroy(),
  };
}

function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
}
