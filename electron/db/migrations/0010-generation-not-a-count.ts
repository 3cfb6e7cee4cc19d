// Released migrations are never edited: add a new numbered file instead.
//
// Migration 0008's data generation counted writes. A restore rolls the file back to the backup's
// count, and the next write then reached again a number the abandoned data had had: an answer
// stored under it in the meantime (the app stores each answer just after giving it, so one given
// just before a restore can land just after) answered for other data. Each write now sets a new
// random number (53 bits, read exactly by JavaScript) instead: the answers only ever compare it for
// equality. The triggers are 0008's, on the same tables, under the same names.
const WATCHED = [
  'accounts',
  'instruments',
  'transactions',
  'settings',
  'fx_rates',
  'quote_summary',
  'corporate_actions',
];

export default WATCHED.flatMap((table) =>
  ['INSERT', 'UPDATE', 'DELETE'].map((event) => {
    const name = `${table}_${event.toLowerCase()}_moves_generation`;
    return /* sql */ `
DROP TRIGGER ${name};
CREATE TRIGGER ${name} AFTER ${event} ON ${table}
BEGIN
  UPDATE data_generation SET generation = random() >> 11;
END;`;
  }),
).join('\n');
