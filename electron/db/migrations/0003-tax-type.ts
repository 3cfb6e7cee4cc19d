// Released migrations are never edited: add a new numbered file instead.
//
// Adds the `tax` transaction type. SQLite cannot change a CHECK constraint in place, so the table
// is rebuilt (its rows and ids kept: ids are the tie-breaker for records of one day). Nothing
// references transactions, so dropping the old table under foreign_keys = ON deletes no children.
export default /* sql */ `
CREATE TABLE transactions_v3 (
  id          INTEGER PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
  date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  time        TEXT,
  type        TEXT NOT NULL CHECK (type IN ('buy', 'sell', 'dividend', 'split', 'fee', 'tax', 'interest',
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
INSERT INTO transactions_v3 (id, account_id, date, time, type, symbol, quantity, price, fee, amount, currency, note, created_at)
  SELECT id, account_id, date, time, type, symbol, quantity, price, fee, amount, currency, note, created_at FROM transactions;
DROP TABLE transactions;
ALTER TABLE transactions_v3 RENAME TO transactions;
CREATE INDEX transactions_by_account_date ON transactions(account_id, date, id);
CREATE INDEX transactions_by_symbol ON transactions(symbol);
`;
