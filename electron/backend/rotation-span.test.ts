import { describe, expect, it } from 'vitest';
import { commonSpan } from '../../shared/view/common-span';
import { rotationView } from '../../shared/view/rotation-view';
import { realBars } from '../test-support/real-quotes';

// Real closes; RUT with January 2016 taken out, as a file with a gap would have it.
const spy = realBars('SPY');
const rut = realBars('RUT');
const rutWithGap = rut.filter((bar) => bar.day < '2016-01-01' || bar.day > '2016-01-31');
const spyInJanuary = spy.filter((bar) => bar.day >= '2016-01-01' && bar.day <= '2016-01-31').length;

describe('commonSpan', () => {
  it('says where one series has no prices that the other has, instead of joining the gap silently', () => {
    const span = commonSpan({ label: 'RUT', bars: rutWithGap }, { label: 'SPY', bars: spy }, { years: 5 });
    expect(span).toMatchObject({ from: '2014-02-24', to: '2019-02-22', ended: [] });
    expect(span.notes).toEqual([
      `No prices of RUT between 2015-12-31 and 2016-02-01 (SPY has ${spyInJanuary}): the lines are joined straight across the gap.`,
    ]);
    // The same words reach the chart's output; without the gap there is nothing to say.
    const view = rotationView(
      { subject: { kind: 'symbol', symbol: 'RUT' }, vs: { kind: 'symbol', symbol: 'SPY' }, years: 5, average: 50 },
      rutWithGap,
      spy,
    );
    expect(view.notes).toEqual(span.notes);
    expect(commonSpan({ label: 'RUT', bars: rut }, { label: 'SPY', bars: spy }, { years: 5 }).notes).toEqual([]);
  });

  it('starts at the later first day of the two, and says so', () => {
    const xlf = realBars('XLF');
    const span = commonSpan({ label: 'XLF', bars: xlf }, { label: 'SPY', bars: spy }, {});
    expect(span.from).toBe('2010-02-01');
    expect(span.to).toBe('2018-01-31');
    expect(span.notes.slice(0, 2)).toEqual([
      "XLF's prices end on 2018-01-31: SPY is compared up to that day, not beyond.",
      'XLF starts on 2010-02-01: SPY is measured from that day too.',
    ]);
  });

  it('has no span when the two share no day up to `to`', () => {
    expect(commonSpan({ label: 'RUT', bars: rut }, { label: 'SPY', bars: spy }, { to: '2008-01-01' })).toMatchObject({
      from: null,
      to: null,
    });
  });
});
