// Released migrations are never edited: add a new numbered file instead.
//
// An account's own cost method (docs/engine.md, "Cost methods"); NULL: the app-wide setting.
export default /* sql */ `
ALTER TABLE accounts ADD COLUMN cost_method TEXT CHECK (cost_method IN ('fifo', 'lifo', 'hifo', 'average'));
`;
