// Released migrations are never edited: add a new numbered file instead.
//
// The hot quote queries (one symbol's range, the latest bar per symbol) are served by the quotes
// primary key (symbol, day, source), so no extra index is needed there.
export default /* sql */ `
-- Splits and dividends as a provider reported them, per source like the bars they explain.
CREATE TABLE corporate_actions (
  symbol       TEXT NOT NULL,
  day          TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  kind         TEXT NOT NULL CHECK (kind IN ('split', 'dividend')),
  source       TEXT NOT NULL,
  -- dividend: cash per share in the quote currency.
  amount       REAL,
  -- split: numerator new shares for every denominator old ones (a 4:1 split is 4 / 1).
  numerator    REAL,
  denominator  REAL,
  fetched_at   TEXT NOT NULL,
  PRIMARY KEY (symbol, day, kind, source),
  CHECK (
    (kind = 'dividend' AND amount >= 0 AND numerator IS NULL AND denominator IS NULL) OR
    (kind = 'split' AND amount IS NULL AND numerator > 0 AND denominator > 0)
  )
) WITHOUT ROWID;

-- One row per symbol per refresh attempt, so the UI can say why a symbol is stale.
CREATE TABLE refresh_log (
  id            INTEGER PRIMARY KEY,
  job_id        TEXT NOT NULL,
  symbol        TEXT NOT NULL,
  provider      TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  finished_at   TEXT NOT NULL,
  outcome       TEXT NOT NULL CHECK (outcome IN ('ok', 'error', 'cancelled')),
  bars_written  INTEGER NOT NULL DEFAULT 0 CHECK (bars_written >= 0),
  message       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX refresh_log_by_symbol ON refresh_log(symbol, id);
`;
