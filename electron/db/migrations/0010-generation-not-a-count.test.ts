import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { createDbAtVersion, scratchDir } from '../test-support/scratch';
import { LATEST_SCHEMA_VERSION } from '.';

describe('migration 0010 (the data generation is not a count)', () => {
  it('keeps the generation, and after a roll-back the same write does not reach the number it reached before', () => {
    const file = path.join(scratchDir(), 'tiltfolio.sqlite');
    createDbAtVersion(file, 9, (db) => {
      db.prepare('UPDATE data_generation SET generation = 41').run();
    });
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const generation = () =>
      (db.prepare('SELECT generation FROM data_generation').get() as { generation: number }).generation;
    expect(generation()).toBe(41);
    const write = () =>
      db
        .prepare(
          "INSERT INTO settings (key, value) VALUES ('x', '1') ON CONFLICT (key) DO UPDATE SET value = value || '1'",
        )
        .run();
    write();
    const reached = generation();
    expect(reached).not.toBe(41);
    expect(Number.isSafeInteger(reached)).toBe(true);
    // A restore brings the backup's generation back; the next write must not reach `reached` again
    // (a count would: 42 both times).
    db.prepare('UPDATE data_generation SET generation = 41').run();
    write();
    expect(generation()).not.toBe(reached);
    expect(generation()).not.toBe(41);
    // Still three triggers a table, under 0008's names.
    const triggers = db
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_moves_generation'")
      .get();
    expect(triggers).toEqual({ n: 21 });
    db.close();
  });
});
