import { describe, expect, it } from 'vitest';
import { FILE_HANDLE_PATTERN, FILE_HANDLE_TTL_MS, fileHandle } from '../../shared/api/file-handle';
import { createFileHandles } from './file-handles';

describe('file handles held in main', () => {
  it('hands a path out once, by a handle the contract accepts and that names nothing of it', () => {
    const handles = createFileHandles(() => 0);
    const handle = handles.issue('/home/me/broker.csv', 'import');
    expect(handle).toMatch(FILE_HANDLE_PATTERN);
    expect(fileHandle.safeParse(handle).success).toBe(true);
    expect(handle).not.toMatch(/home|broker/);
    expect(handles.take(handle, 'import')).toBe('/home/me/broker.csv');
    expect(handles.take(handle, 'import')).toBeNull();
  });

  it('makes a different handle for every choice, even of the same file', () => {
    const handles = createFileHandles(() => 0);
    const made = new Set(Array.from({ length: 200 }, () => handles.issue('/same.csv', 'import')));
    expect(made.size).toBe(200);
  });

  it('forgets a handle left unused past its lifetime, and keeps one still within it', () => {
    let time = 1_000;
    const handles = createFileHandles(() => time);
    const old = handles.issue('/a.csv', 'import');
    const fresh = handles.issue('/b.csv', 'import');
    time += FILE_HANDLE_TTL_MS - 1;
    expect(handles.take(fresh, 'import')).toBe('/b.csv');
    time += 1;
    expect(handles.take(old, 'import')).toBeNull();
  });

  it('refuses a handle it never issued, and uses one up when it is asked for another purpose', () => {
    const handles = createFileHandles(() => 0);
    expect(handles.take(`file-${'0'.repeat(32)}`, 'import')).toBeNull();
    const handle = handles.issue('/a.csv', 'import');
    expect(handles.take(handle, 'export')).toBeNull();
    expect(handles.take(handle, 'import')).toBeNull();
  });
});
