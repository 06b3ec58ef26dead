import { describe, expect, it } from 'vitest';
import type { DraftParagraph } from '../../../shared/outcome';
import { referenceText } from '../../../shared/paragraphPlace';
import { countStatuses } from '../../../shared/paragraphPlaces';
import { inOrder, withoutParagraph, withParagraph } from '../../../renderer/src/components/drafting/draftOrder';
import { draftParagraph } from '../helpers/draftParagraph';

const paragraph = draftParagraph;
const labels = (list: DraftParagraph[]) => list.map((p) => `${p.id}:${referenceText(p.place, 'en')}`);

describe('the drafting screen numbers as the core does', () => {
  it('keeps an alternative right after its paragraph, labels it bis, and renumbers at once when a paragraph goes', () => {
    // The core gives an alternative its paragraph's key, a space, then its own: it sorts right after it.
    const list = inOrder([paragraph('c', 'a2'), paragraph('b-bis', 'a1 0000', { alternativeOf: 'b' }), paragraph('a', 'a0'), paragraph('b', 'a1')]);
    expect(labels(list)).toEqual(['a:1', 'b:2', 'b-bis:2 bis', 'c:3']);
    expect(list.map((p) => p.inNegotiation)).toEqual([false, true, true, false]);
    expect(countStatuses(list)).toEqual({ agreed: 0, adRef: 0, bracketed: 1, open: 2 });
    expect(labels(withoutParagraph(list, 'a'))).toEqual(['b:1', 'b-bis:1 bis', 'c:2']);
  });

  it('makes sub-paragraphs from levels and keeps PP and OP apart when the core counted them so', () => {
    const separate = { number: 1, countedAs: 'preambular' as const, suffix: 0, path: [] };
    const list = inOrder([
      paragraph('pp', 'a0', { role: 'preambular', place: separate }),
      paragraph('op', 'a1', { role: 'operative' }),
      paragraph('sub', 'a2', { level: 1 }),
      paragraph('op2', 'a3', { role: 'operative' }),
    ]);
    expect(labels(list)).toEqual(['pp:PP1', 'op:OP1', 'sub:OP1 (a)', 'op2:OP2']);
    const added = withParagraph(list, paragraph('sub2', 'a2V', { level: 1 }));
    expect(labels(added)).toEqual(['pp:PP1', 'op:OP1', 'sub:OP1 (a)', 'sub2:OP1 (b)', 'op2:OP2']);
  });
});
