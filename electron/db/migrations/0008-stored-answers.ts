// Released migrations are never edited: add a new numbered file instead.
//
// Opening the app at 50,000 transactions replayed the whole ledger (~1.1 s) before the dashboard's
// first answer, even when nothing had changed since the app last ran (issue 20). The dashboard's
// answers are kept in stored_answers, each labelled with the data generation it was computed from;
// it answers again only while the generation is the same.
//
// The generation moves in the same transaction as every write to what the portfolio is computed
// from, by triggers, so no writer can miss it: the app, the CLI, a second process, an import on
// its own connection. Quotes are counted through quote_summary, which quotes-repo.ts rewrites for
// each symbol in the same transaction as every write to its bars (migration 0007): a trigger per
// bar would cost a third of the upsert rate, one per symbol written costs nothing. A migration that
// rebuilds one of these tables drops its triggers and must create them again (0008's test checks
// every watched table has its three).
const WATCHED = [
  'accounts',
  'instruments',
  'transactions',
  'settings',
  'fx_rates',
  'quote_summary',
  'corporate_actions',
];

const triggers = WATCHED.flatMap((table) =>
  ['INSERT', 'UPDATE', 'DELETE'].map(
    (event) => /* sql */ `
CREATE TRIGGER ${table}_${event.toLowerCase()}_moves_generation AFTER ${event} ON ${table}
BEGIN
  UPDATE data_generation SET generation = generation + 1;
END;`,
  ),
).join('\n');

export default /* sql */ `
CREATE TABLE data_generation (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  generation  INTEGER NOT NULL
);
INSERT INTO data_generation (id, generation) VALUES (1, 0);
${triggers}

-- One answer per call and input; 'context' holds what besides the data it depends on (the local
-- day, the settings, the app and answer format versions): see electron/db/stored-answers-repo.ts.
CREATE TABLE stored_answers (
  call        TEXT PRIMARY KEY,
  generation  INTEGER NOT NULL,
  context     TEXT NOT NULL,
  answer      TEXT NOT NULL,
  stored_at   TEXT NOT NULL
);
`;
