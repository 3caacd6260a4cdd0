/**
 * Opens the hub's SQLite database in the data folder: WAL so the desk can read while the kiosk
 * writes, foreign keys on, and every pending migration applied in one transaction.
 *
 * Deleted means unrecoverable: `secure_delete` zeroes what a DELETE removes (in the page and in
 * freed pages) instead of leaving it in free space, and `forgetDeleted` truncates the WAL after a
 * purge, wipe or undo, since the WAL keeps the old page images a rewind would restore
 * (https://sqlite.org/pragma.html#pragma_secure_delete, #pragma_wal_checkpoint). The folder is
 * 0700 and the database 0600; SQLite gives the -wal and -shm files the database file's mode
 * (os_unix.c, findCreateFileMode), so creating it 0600 before SQLite opens it covers all three.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * The database failed SQLite's `quick_check` (or is not a database at all) and was moved aside
   * as `name` (kept, for a technician); a fresh one was started. The day's arrivals are all it
   * held, so the hub serves on rather than stop until someone comes (a damaged file once kept the
   * kiosk down for good with a bare "database disk image is malformed").
   */
  onSetAside?(name: string, problem: string): void;
  now?: () => number;
}

export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  const file = join(dataDir, 'stillroom.sqlite');
  makePrivate(dataDir, file);
  try {
    return openChecked(file);
  } catch (error) {
    if (!isDamaged(error)) throw error;
    const name = setAside(file, options.now?.() ?? Date.now());
    options.onSetAside?.(name, String((error as { code?: unknown }).code));
    makePrivate(dataDir, file);
    return openChecked(file);
  }
}

function openChecked(file: string): Db {
  const db = new Database(file);
  try {
    db.pragma('secure_delete = ON');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // https://sqlite.org/pragma.html#pragma_quick_check: one row "ok", or rows naming the damage.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error('The database failed its check.'), { code: 'SQLITE_CORRUPT' });
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** SQLite's words for a damaged file: SQLITE_CORRUPT (and its extended codes) and SQLITE_NOTADB. */
const isDamaged = (error: unknown) => /^SQLITE_(CORRUPT|NOTADB)/.test(String((error as { code?: unknown } | null)?.code ?? ''));

/** Moves the damaged database (with its WAL and shm) aside, named with the time; returns its name. */
function setAside(file: string, time: number): string {
  const name = `${file}.corrupt-${new Date(time).toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${name}${suffix}`);
  return name;
}

/** The data folder 0700; the database and any WAL and shm left by an older hub 0600. */
function makePrivate(dataDir: string, file: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) if (existsSync(path)) chmodSync(path, 0o600);
}

/**
 * After rows about people were deleted: copies the WAL into the main file (where secure_delete
 * has zeroed them) and truncates it to nothing, so no earlier page image survives in it.
 */
export function forgetDeleted(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`The data folder was written by a newer Stillroom (schema ${current}, this one knows ${migrations.length}).`);
  }
  db.transaction(() => {
    migrations.slice(current).forEach((sql) => db.exec(sql));
    db.pragma(`user_version = ${migrations.length}`);
  })();
}
