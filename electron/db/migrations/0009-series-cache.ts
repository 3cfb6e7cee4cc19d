// Released migrations are never edited: add a new numbered file instead.
//
// The first opening after a change built the portfolio from every symbol's bars (issue 20): at
// 600,000 bars reading the closes took ~0.3-0.6 s, and the health report's outline of every row's
// source ~0.3 s more, on every opening whose stored answers no longer held, and again for each
// rebuild after an edit. series_cache keeps, per symbol, what those reads produce: the days and
// closes as little-endian Int32 and Float64 columns, and the runs of days that came from one load
// (electron/db/series-cache.ts). A row holds while its stamp equals series_stamp's, which a
// trigger moves with every write to the symbol's quote_summary row; quotes-repo.ts rewrites that
// row in the same transaction as every write to the symbol's bars (migration 0007), so no writer
// can leave a stale row answering: not the CLI, another process, an import, or a restore (whose
// file brings its own cache and stamps). A stamp is a random number, not a count: a restore rolls
// a file back to earlier stamps, and a count would then reach again, for other bars, a stamp a
// process still holds a series under (53 bits, so JavaScript reads it exactly). No OR IGNORE in the triggers: the upsert that fires them
// imposes its own conflict policy on their statements.
export default /* sql */ `
CREATE TABLE series_stamp (
  symbol  TEXT PRIMARY KEY,
  stamp   INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO series_stamp (symbol, stamp) SELECT symbol, random() >> 11 FROM quote_summary;

CREATE TABLE series_cache (
  symbol  TEXT PRIMARY KEY,
  stamp   INTEGER NOT NULL,
  days    BLOB NOT NULL,
  closes  BLOB NOT NULL,
  loads   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER quote_summary_insert_moves_series_stamp AFTER INSERT ON quote_summary
BEGIN
  INSERT INTO series_stamp (symbol, stamp)
    SELECT new.symbol, 0 WHERE NOT EXISTS (SELECT 1 FROM series_stamp WHERE symbol = new.symbol);
  UPDATE series_stamp SET stamp = random() >> 11 WHERE symbol = new.symbol;
  DELETE FROM series_cache WHERE symbol = new.symbol;
END;
CREATE TRIGGER quote_summary_update_moves_series_stamp AFTER UPDATE ON quote_summary
BEGIN
  INSERT INTO series_stamp (symbol, stamp)
    SELECT new.symbol, 0 WHERE NOT EXISTS (SELECT 1 FROM series_stamp WHERE symbol = new.symbol);
  UPDATE series_stamp SET stamp = random() >> 11 WHERE symbol IN (old.symbol, new.symbol);
  DELETE FROM series_cache WHERE symbol IN (old.symbol, new.symbol);
END;
CREATE TRIGGER quote_summary_delete_moves_series_stamp AFTER DELETE ON quote_summary
BEGIN
  UPDATE series_stamp SET stamp = random() >> 11 WHERE symbol = old.symbol;
  DELETE FROM series_cache WHERE symbol = old.symbol;
END;
`;
