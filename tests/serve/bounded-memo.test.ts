// boundedMemo: computes once per key, drops the oldest entry beyond the bound, never keeps long keys.
import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/serve/bounded-memo.js';

describe('boundedMemo', () => {
  it('computes once per key while the key is kept', () => {
    const calls: string[] = [];
    const f = boundedMemo((k: string) => (calls.push(k), k.length), 2);
    expect([f('ab'), f('ab'), f('c')]).toEqual([2, 2, 1]);
    expect(calls).toEqual(['ab', 'c']);
  });

  it('drops the oldest entry beyond maxEntries', () => {
    const calls: string[] = [];
    const f = boundedMemo((k: string) => (calls.push(k), k), 2);
    f('a');
    f('b');
    f('c');
    f('a');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });

  it('recomputes keys longer than maxKeyLength every time', () => {
    let n = 0;
    const f = boundedMemo(() => ++n, 8, 3);
    f('long key');
    f('long key');
    expect(n).toBe(2);
  });

  it('keeps undefined values', () => {
    let n = 0;
    const f = boundedMemo((): undefined => void n++, 8);
    f('x');
    f('x');
    expect(n).toBe(1);
  });
});
