import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../../../shared/multilingual';
import type { DraftParagraph } from '../../../../shared/outcome';
import { referenceText } from '../../../../shared/paragraphPlace';
import { referenceToken } from '../../../../shared/paragraphRefs';

interface Props {
  /** The paragraph being edited (not offered: a paragraph does not refer to itself). */
  paragraphId: string;
  paragraphs: readonly DraftParagraph[];
  readingLang: string;
  sourceLanguage: string;
  onInsert(token: string): void;
}

/**
 * "As stated in paragraph 7": a type-ahead over the document's numbered paragraphs (their number
 * and first words); choosing one puts a reference at the cursor of the text last typed in, which
 * prints as that paragraph's number wherever it moves. Ctrl+Shift+X in a text box comes here.
 */
export const ReferencePicker = forwardRef<HTMLInputElement, Props>(function ReferencePicker({ paragraphId, paragraphs, readingLang, sourceLanguage, onInsert }, ref) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const options = paragraphs
    .filter((p) => p.id !== paragraphId && p.kind !== 'heading' && p.place.number !== null)
    .map((p) => {
      const words = pickText(p.text, readingLang, sourceLanguage).text.replace(/\s+/g, ' ').slice(0, 60);
      return { id: p.id, label: `${referenceText(p.place, readingLang)} — ${words}` };
    });
  const choose = (typed: string) => {
    const found = options.find((o) => o.label === typed) ?? options.find((o) => o.label.split(' — ')[0] === typed.trim());
    if (!found) return false;
    onInsert(referenceToken(found.id));
    setValue('');
    return true;
  };
  const listId = `reference-options-${paragraphId}`;
  return (
    <label className="field reference-picker">
      <span>{t('drafting.reference.insert')}</span>
      <input
        ref={ref}
        type="text"
        list={listId}
        value={value}
        placeholder={t('drafting.reference.placeholder')}
        aria-keyshortcuts="Control+Shift+X"
        onChange={(event) => {
          setValue(event.target.value);
          // Picking from the list gives the whole label at once: insert it straight away.
          if (options.some((o) => o.label === event.target.value)) choose(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            choose(value);
          }
        }}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.id} value={o.label} />
        ))}
      </datalist>
    </label>
  );
});
