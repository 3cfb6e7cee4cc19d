// The upload limits the docs state are the ones the host applies (shared/api/limits.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUEST_MAX_BYTES, REQUEST_MAX_MB, UPLOAD_MAX_BYTES, UPLOAD_MAX_MB } from '../../shared/api/limits';

const root = path.resolve(new URL('.', import.meta.url).pathname, '..', '..');
const csvDoc = fs.readFileSync(path.join(root, 'docs', 'csv.md'), 'utf8').replace(/\s+/g, ' ');

describe('upload limits in docs/csv.md', () => {
  it('states the upload and request limits the host applies', () => {
    const stated =
      /the browser host accepts up to (\d+) MB on that route and on `quotes:importFile` \((\d+) MB on every other[);]/.exec(
        csvDoc,
      );
    expect(stated, 'docs/csv.md, "Large files": the sentence with the browser host limits').not.toBeNull();
    expect(Number(stated?.[1])).toBe(UPLOAD_MAX_MB);
    expect(Number(stated?.[2])).toBe(REQUEST_MAX_MB);
    expect(UPLOAD_MAX_BYTES).toBe(UPLOAD_MAX_MB * 1024 * 1024);
    expect(REQUEST_MAX_BYTES).toBe(REQUEST_MAX_MB * 1024 * 1024);
  });

  it('states the quotes file limit the schema applies', () => {
    const stated = /`quotes:importFile` takes at most (\d+) MB/.exec(csvDoc);
    expect(stated).not.toBeNull();
    expect(Number(stated?.[1])).toBe(UPLOAD_MAX_MB);
  });

  it('names no other MB figure for an upload', () => {
    const figures = [...csvDoc.matchAll(/(\d+) MB/g)].map((m) => Number(m[1]));
    expect(new Set(figures)).toEqual(new Set([UPLOAD_MAX_MB, REQUEST_MAX_MB]));
  });
});
