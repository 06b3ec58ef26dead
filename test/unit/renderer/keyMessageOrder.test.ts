import { describe, expect, it } from 'vitest';
import type { KeyMessage } from '../../../shared/keyMessages';
import { byPosition, groupBySession, groupByTheme, moveTarget, themesOf } from '../../../renderer/src/components/keyMessages/keyMessageOrder';

const message = (id: string, sessionId: string, position: string, theme = ''): KeyMessage => ({
  id,
  sessionId,
  position,
  theme,
  text: { en: id },
  status: 'draft',
  sources: [],
  alternatives: {},
});

describe('key message order', () => {
  it('sorts fractional indexes by code unit, not by locale, and breaks ties by id', () => {
    const list = [message('c', 's', 'a1'), message('b', 's', 'Zz'), message('a', 's', 'a1'), message('d', 's', 'a0V')];
    expect([...list].sort(byPosition).map((m) => m.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('groups by session in order, and by theme case-blind with the unthemed last', () => {
    const list = [message('x2', 's1', 'a2', 'Food systems'), message('x1', 's1', 'a1', 'food systems '), message('y1', 's2', 'a1'), message('z', 's2', 'a2', 'Climate')];
    expect([...groupBySession(list).entries()].map(([s, ms]) => [s, ms.map((m) => m.id)])).toEqual([
      ['s1', ['x1', 'x2']],
      ['s2', ['y1', 'z']],
    ]);
    const order = new Map([
      ['s2', 0],
      ['s1', 1],
    ]);
    expect(groupByTheme(list, order, 'en').map((g) => [g.theme, g.messages.map((m) => m.id)])).toEqual([
      ['Climate', ['z']],
      ['Food systems', ['x1', 'x2']],
      ['', ['y1']],
    ]);
    expect(themesOf(list, 'en')).toEqual(['Climate', 'Food systems']);
  });

  it('asks to move between the right neighbours, and not past either end', () => {
    const list = ['a', 'b', 'c', 'd'].map((id, i) => message(id, 's', `a${i}`));
    expect(moveTarget(list, 'c', 'up')).toEqual({ after: 'a', before: 'b' });
    expect(moveTarget(list, 'b', 'up')).toEqual({ after: null, before: 'a' });
    expect(moveTarget(list, 'b', 'down')).toEqual({ after: 'c', before: 'd' });
    expect(moveTarget(list, 'c', 'down')).toEqual({ after: 'd', before: null });
    expect(moveTarget(list, 'a', 'up')).toBeUndefined();
    expect(moveTarget(list, 'd', 'down')).toBeUndefined();
    expect(moveTarget(list, 'nope', 'down')).toBeUndefined();
  });
});
