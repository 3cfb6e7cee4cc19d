import { describe, expect, it } from 'vitest';
import { guardCell, looksLikeFormula, unguardCell } from './formula-guard';

describe('formula guard', () => {
  it('puts one apostrophe before each formula start OWASP names', () => {
    expect(guardCell('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(guardCell('+1')).toBe("'+1");
    expect(guardCell('-2+3')).toBe("'-2+3");
    expect(guardCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardCell('\tx')).toBe("'\tx");
    expect(guardCell('\rx')).toBe("'\rx");
    for (const safe of ['', 'plain', ' =leading space', "it's", 'a=b', '\nx', "'quoted"]) {
      expect(guardCell(safe)).toBe(safe);
      expect(looksLikeFormula(safe)).toBe(false);
    }
  });

  it('adds one more apostrophe to a cell that already looks guarded, with or without the guard', () => {
    expect(guardCell("'=x")).toBe("''=x");
    expect(guardCell("''-1")).toBe("'''-1");
    expect(guardCell("'=x", false)).toBe("''=x");
    expect(guardCell('=x', false)).toBe('=x');
    expect(guardCell("'plain", false)).toBe("'plain");
  });

  it('reads back exactly what was guarded, for every mix of apostrophes and starts', () => {
    const starts = ['', '=', '+', '-', '@', '\t', '\r', 'a', ' ', '\n'];
    const cells: string[] = [];
    for (let quotes = 0; quotes <= 3; quotes++) {
      for (const start of starts) cells.push(`${"'".repeat(quotes)}${start}rest`, `${"'".repeat(quotes)}${start}`);
    }
    for (const cell of cells) {
      expect(unguardCell(guardCell(cell)), JSON.stringify(cell)).toBe(cell);
      expect(unguardCell(guardCell(cell, false)), JSON.stringify(cell)).toBe(cell);
      // Guarded, nothing a spreadsheet would run is left at the start.
      expect(looksLikeFormula(guardCell(cell)), JSON.stringify(cell)).toBe(false);
    }
  });
});
