import { describe, expect, it } from 'vitest';
import { ColumnValues, MAX_COLUMN_VALUES, MAX_TYPE_WORD } from './column-values';

describe('ColumnValues', () => {
  it('lists each column’s distinct words in the order first seen, trimmed, without blanks', () => {
    const values = new ColumnValues(3);
    values.add(['Kauf', ' 10 ', '']);
    values.add(['Dividende', '10', '']);
    values.add([' Kauf', '12']);
    expect(values.values()).toEqual([['Kauf', 'Dividende'], ['10', '12'], []]);
  });

  it('gives up on a column with too many values or one too long to be a type word', () => {
    const values = new ColumnValues(3);
    for (let i = 0; i <= MAX_COLUMN_VALUES; i++)
      values.add([`${i}`, 'buy', i === 3 ? 'x'.repeat(MAX_TYPE_WORD + 1) : 'sell']);
    expect(values.values()).toEqual([null, ['buy'], null]);
  });

  it('stops at exactly the limit, not before', () => {
    const values = new ColumnValues(1);
    for (let i = 0; i < MAX_COLUMN_VALUES; i++) values.add([`w${i}`]);
    expect(values.values()[0]).toHaveLength(MAX_COLUMN_VALUES);
    values.add(['one more']);
    expect(values.values()[0]).toBeNull();
  });
});
