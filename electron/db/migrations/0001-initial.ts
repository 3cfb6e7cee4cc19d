// Released migrations are never edited: add a new numbered file instead.
export default /* sql */ `
CREATE TABLE accounts (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  currency    TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
  created_at  TEXT NOT NULL
);

CREATE TABLE instruments (
  symbol      TEXT PRIMARY KEY CHECK (length(symbol) BETWEEN 1 AND 32),
  name        TEXT,
  currency    TEXT NOT NULL DEFAULT 'USD' CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
  exchange    TEXT,
  kind        TEXT NOT NULL DEFAULT 'stock' CHECK (kind IN ('stock', 'etf', 'index', 'fund', 'cash')),
  -- NULL means "use the built-in default for this symbol"; a value is the user's override.
  sleeve      TEXT CHECK (sleeve IN ('large_cap_tech', 'financials', 'small_caps', 'other'))
);

-- Quantities and money are decimal strings: SQLite's REAL would reintroduce binary rounding.
CREATE TABLE transactions (
  id          INTEGER PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
  date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  time        TEXT,
  type        TEXT NOT NULL CHECK (type IN ('buy', 'sell', 'dividend', 'split', 'fee', 'interest',
                                            'deposit', 'withdrawal', 'transfer_in', 'transfer_out')),
  symbol      TEXT REFERENCES instruments(symbol) ON UPDATE CASCADE,
  quantity    TEXT,
  price       TEXT,
  fee         TEXT,
  amount      TEXT,
  currency    TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);
CREATE INDEX transactions_by_account_date ON transactions(account_id, date, id);
CREATE INDEX transactions_by_symbol ON transactions(symbol);

CREATE TABLE quotes (
  symbol      TEXT NOT NULL,
  day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  source      TEXT NOT NULL,
  open        REAL,
  high        REAL,
  low         REAL,
  close       REAL NOT NULL,
  adj_close   REAL,
  volume      INTEGER,
  fetched_at  TEXT NOT NULL,
  PRIMARY KEY (symbol, day, source)
) WITHOUT ROWID;

CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL
);
`;
