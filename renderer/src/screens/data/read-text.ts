/** Reads a file's bytes through FileReader, which every renderer (and jsdom) has; Blob.arrayBuffer() is newer. */
function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}

/** The 1-based line of the first byte sequence that is not UTF-8. */
function firstBadLine(bytes: Uint8Array): number {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      strict.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    line++;
    start = i + 1;
  }
  return line;
}

const SAVE_AS_UTF8 = 'save the file as UTF-8 (CSV UTF-8 in Excel) and import it again.';

/**
 * A file's text, strictly decoded as docs/csv.md says: bytes that are not UTF-8 (UTF-16 too) are
 * refused with the file and the line, never turned into U+FFFD on the way to the import as a
 * browser's readAsText would. A UTF-8 byte-order mark is dropped.
 */
export async function readText(file: File): Promise<string> {
  const bytes = await readBytes(file);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new Error(`${file.name} line 1 is UTF-16 text; ${SAVE_AS_UTF8}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file.name} line ${firstBadLine(bytes)} is not UTF-8 text; ${SAVE_AS_UTF8}`);
  }
}
