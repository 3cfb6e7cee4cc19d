// How a file chosen in the app's own dialogs appears in the contract. The page never names a path
// in the app: main answers its open dialog with an opaque handle, keeps the path, and takes the
// handle back once (electron/main/file-handles.ts). A path typed by the user belongs to the CLI.
import { z } from 'zod';

/** `file-` and 32 hex digits: 128 random bits, so a page cannot guess one it was not given. */
export const FILE_HANDLE_PATTERN = /^file-[0-9a-f]{32}$/;

/** How long main keeps a chosen file that the page has not used yet. */
export const FILE_HANDLE_TTL_MS = 10 * 60 * 1000;

export const fileHandle = z.string().regex(FILE_HANDLE_PATTERN, 'Choose the file in the app’s open dialog.');

export type FileHandle = z.output<typeof fileHandle>;
