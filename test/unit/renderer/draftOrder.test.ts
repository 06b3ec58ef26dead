import { describe, expect, it } from 'vitest';
import type { DraftParagraph, ParagraphKind } from '../../../shared/outcome';
import { inOrder, moveTarget, withoutParagraph, withParagraph } from '../../../renderer/src/components/drafting/draftOrder';
import { draftParagraph } from '../helpers/draftParagraph';

const paragraph = (id: string, position: string, kind: ParagraphKind = 'numbered'): DraftParagraph => draftParagraph(id, position, { kind });

describe('draft order', () => {
  it('orders by fractional key in code-unit order (not locale order), ties by id, and numbers only numbered points', () => {
    const list = inOrder([paragraph('c', 'a2'), paragraph('h', 'Zz', 'heading'), paragraph('b', 'a1'), paragraph('a', 'a1'), paragraph('p', 'a3', 'plain'), paragraph('d', 'a4')]);
    expect(list.map((p) => [p.id, p.number])).toEqual([
      ['h', null],
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['p', null],
      ['d', 4],
    ]);
  });

  it('renumbers the others when a paragraph arrives, changes kind or goes', () => {
    const list = inOrder([paragraph('a', 'a1'), paragraph('b', 'a3')]);
    const added = withParagraph(list, paragraph('n', 'a2'));
    expect(added.map((p) => [p.id, p.number])).toEqual([['a', 1], ['n', 2], ['b', 3]]);
    const retyped = withParagraph(added, { ...paragraph('n', 'a2', 'heading') });
    expect(retyped.map((p) => [p.id, p.number])).toEqual([['a', 1], ['n', null], ['b', 2]]);
    expect(withoutParagraph(added, 'a').map((p) => [p.id, p.number])).toEqual([['n', 1], ['b', 2]]);
  });

  it('says between which neighbours a paragraph goes one step up or down, and nothing past either end', () => {
    const list = inOrder([paragraph('a', 'a1'), paragraph('b', 'a2'), paragraph('c', 'a3'), paragraph('d', 'a4')]);
    expect(moveTarget(list, 'c', 'up')).toEqual({ after: 'a', before: 'b' });
    expect(moveTarget(list, 'b', 'up')).toEqual({ after: null, before: 'a' });
    expect(moveTarget(list, 'b', 'down')).toEqual({ after: 'c', before: 'd' });
    expect(moveTarget(list, 'c', 'down')).toEqual({ after: 'd', before: null });
    expect(moveTarget(list, 'a', 'up')).toBeUndefined();
    expect(moveTarget(list, 'd', 'down')).toBeUndefined();
    expect(moveTarget(list, 'gone', 'down')).toBeUndefined();
  });
});
