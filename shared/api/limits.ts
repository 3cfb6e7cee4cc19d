// How much one browser-mode request may carry, in one place: the host (electron/web/host.ts)
// refuses more with 413, the schemas use the same figures, and docs/csv.md states them
// (electron/web/limits-docs.test.ts compares the two).

const MB = 1024 * 1024;

/**
 * A whole file sent as text: `csv:import`, `quotes:importFile` and `fx:importFiles` (every
 * file of the call together) in browser mode. 32 MB is
 * about 550,000 transaction rows, which import in about half a minute on the 2-core build machine
 * with progress and Cancel all the way (230 MB took over two minutes); larger files go through the
 * app or the CLI, which stream them from disk (`csv:importFile`).
 */
export const UPLOAD_MAX_MB = 32;
export const UPLOAD_MAX_BYTES = UPLOAD_MAX_MB * MB;

/** Every other call: the largest is a preview's start of a file (4 MB of text, escaped as JSON). */
export const REQUEST_MAX_MB = 8;
export const REQUEST_MAX_BYTES = REQUEST_MAX_MB * MB;

/** The calls that carry a whole file. */
export const UPLOAD_CALLS: ReadonlySet<string> = new Set(['csv:import', 'quotes:importFile', 'fx:importFiles']);
