/**
 * Opens the hub's SQLite database in the data folder: WAL so the desk can read while the kiosk
 * writes, foreign keys on, and every pending migration applied in one transaction.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations.ts';

export type Db = Database.Database;

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'stillroom.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
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
