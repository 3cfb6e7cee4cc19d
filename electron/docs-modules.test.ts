// docs/architecture.md and docs/engine.md list every module and name real files: this keeps them
// in step with the folders, so a module added, renamed or removed shows up here first.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(new URL('.', import.meta.url).pathname, '..');
const read = (doc: string) => fs.readFileSync(path.join(root, 'docs', doc), 'utf8');

/** Each folder's table: the first table after the heading line, in that doc. */
const TABLES: { doc: string; heading: string; folder: string }[] = [
  { doc: 'engine.md', heading: '# The portfolio engine', folder: 'shared/engine' },
  ...[
    'shared/api',
    'shared/domain',
    'shared/csv',
    'shared/quotes',
    'shared/view',
    'shared/fx',
    'shared/health',
    'electron/backend',
    'electron/db',
    'electron/csv',
    'electron/quotes',
    'electron/main',
    'electron/preload',
    'electron/web',
    'electron/cli',
    'electron/launcher',
  ].map((folder) => ({ doc: 'architecture.md', heading: `### \`${folder}/\``, folder })),
];

const NOT_MODULES = new Set(['test-support', 'test-fixtures']);

/** The folder's modules, relative to it: tests, type declarations and test helpers aside. */
function modulesIn(folder: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, folder, relative), { withFileTypes: true })) {
      const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!NOT_MODULES.has(entry.name)) walk(name);
      } else if (/\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name)) {
        found.push(name);
      }
    }
  };
  walk('');
  return found.sort();
}

function tableAfter(text: string, heading: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.trim() === heading);
  if (at < 0) throw new Error(`no heading ${heading}`);
  let i = at + 1;
  while (i < lines.length && !(lines[i] as string).startsWith('|')) i++;
  const rows: string[] = [];
  while (i < lines.length && (lines[i] as string).startsWith('|')) rows.push(lines[i++] as string);
  return rows.join('\n');
}

const namedFiles = (text: string) => [...text.matchAll(/`([\w./*-]+\.tsx?)`/g)].map((m) => m[1] as string);

describe('module tables', () => {
  for (const { doc, heading, folder } of TABLES) {
    it(`${doc} lists every module of ${folder}/, and only modules that exist`, () => {
      const listed = new Set(namedFiles(tableAfter(read(doc), heading)));
      const present = modulesIn(folder);
      expect(present.length).toBeGreaterThan(0);
      expect(
        present.filter((m) => !listed.has(m)),
        'missing from the table',
      ).toEqual([]);
      expect(
        [...listed].filter((m) => !present.includes(m)),
        'listed but absent',
      ).toEqual([]);
    });
  }
});

describe('paths named in the docs', () => {
  for (const doc of ['architecture.md', 'engine.md', 'csv.md']) {
    it(`${doc} names only files and folders that exist`, () => {
      const paths = [...read(doc).matchAll(/`((?:shared|electron|renderer|e2e|docs|scripts)\/[\w./-]*)`/g)].map(
        (m) => m[1] as string,
      );
      expect(paths.length).toBeGreaterThan(0);
      expect(paths.filter((p) => !fs.existsSync(path.join(root, p)))).toEqual([]);
    });
  }
});
