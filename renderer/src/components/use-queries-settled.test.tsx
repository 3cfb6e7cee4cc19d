// @vitest-environment jsdom
import { useQuery } from '@tanstack/react-query';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClient } from '../test-support/fake-client';
import { renderWithClient } from '../test-support/render';
import { useQueriesSettled } from './use-queries-settled';

afterEach(cleanup);

const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};

function deferred() {
  let resolve: (value: string) => void = () => {};
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

function Slow({ answer, name }: { answer: Promise<string>; name: string }) {
  const query = useQuery({ queryKey: ['slow', name], queryFn: () => answer });
  return <p>{query.data ?? 'loading'}</p>;
}

function Frame({ screenKey, answer }: { screenKey: string; answer: Promise<string> }) {
  const ready = useQueriesSettled(screenKey);
  return (
    <div data-testid="frame" data-ready={ready ? 'true' : undefined}>
      <Slow answer={answer} name={screenKey} />
    </div>
  );
}

/** Shows screen "one" until its button switches to screen "two", as a route change does. */
function Switcher({ one, two }: { one: Promise<string>; two: Promise<string> }) {
  const [key, setKey] = useState('one');
  return (
    <>
      <button type="button" onClick={() => setKey('two')}>
        switch
      </button>
      <Frame screenKey={key} answer={key === 'one' ? one : two} />
    </>
  );
}

describe('useQueriesSettled', () => {
  it('is false while a query a child started is out, true once it has settled and been drawn', async () => {
    const first = deferred();
    const second = deferred();
    renderWithClient(<Switcher one={first.promise} two={second.promise} />, fakeClient({}));
    const frame = screen.getByTestId('frame');
    await frames(4);
    expect(frame.getAttribute('data-ready')).toBeNull();
    first.resolve('figures');
    await waitFor(() => expect(frame.getAttribute('data-ready')).toBe('true'));
    expect(frame.textContent).toBe('figures');

    // Another screen: not ready from its first render until its own query has settled.
    act(() => screen.getByRole('button').click());
    expect(frame.getAttribute('data-ready')).toBeNull();
    await frames(4);
    expect(frame.getAttribute('data-ready')).toBeNull();
    second.resolve('more');
    await waitFor(() => expect(frame.getAttribute('data-ready')).toBe('true'));
    expect(frame.textContent).toBe('more');
  });
});
