// Released migrations are never edited: add a new numbered file instead.
//
// Exchange rates are a cached series like quotes: one rate per pair, day and source, with where
// and when it was fetched. Rates are decimal text (the ECB publishes 4–6 significant digits) so a
// conversion can be exact. A transaction may carry its broker's rate (`fx_rate`: account currency
// per unit of the trade's currency); none means "use the day's cached rate".
export default /* sql */ `
CREATE TABLE fx_rates (
  base        TEXT NOT NULL CHECK (base GLOB '[A-Z][A-Z][A-Z]'),
  quote       TEXT NOT NULL CHECK (quote GLOB '[A-Z][A-Z][A-Z]' AND quote <> base),
  day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  source      TEXT NOT NULL,
  rate        TEXT NOT NULL CHECK (CAST(rate AS REAL) > 0),
  fetched_at  TEXT NOT NULL,
  PRIMARY KEY (base, quote, day, source)
) WITHOUT ROWID;

ALTER TABLE transactions ADD COLUMN fx_rate TEXT CHECK (fx_rate IS NULL OR CAST(fx_rate AS REAL) > 0);
`;
