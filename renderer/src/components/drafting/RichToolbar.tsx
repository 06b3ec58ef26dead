import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { insertLink, insertNote, listLines, wrapSelection, type TextEdit } from './richEdit';

export type RichCommand = 'bold' | 'italic' | 'bullets' | 'numbers' | 'link' | 'note';

/** What a press of Ctrl/Cmd with a key does in a paragraph's text box (Ctrl+Shift+B brackets, see ParagraphTextEditor). */
export function richShortcut(event: KeyboardEvent): RichCommand | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  // event.code: the key's place, so an Arabic or Russian layout's B key is still bold.
  if (event.code === 'KeyB') return 'bold';
  if (event.code === 'KeyI') return 'italic';
  if (event.code === 'KeyK') return 'link';
  return null;
}

interface Props {
  id: string;
  /** The text's language, as the interface names it: there is a toolbar per language. */
  language: string;
  /** The text box the commands edit. */
  box: React.RefObject<HTMLTextAreaElement | null>;
  /** A command asked for by a shortcut in the text box, once; cleared with onAsked. */
  asked: RichCommand | null;
  onAsked(): void;
  onEdit(edit: TextEdit): void;
}

/**
 * Bold, Italic, the two lists, Link… and Footnote…, each writing the subset's markup around the
 * selected words (shared/richText). A link's address and a note's text are asked for in a small
 * form below the buttons, never in a browser prompt (Electron has none).
 */
export function RichToolbar({ id, language, box, asked, onAsked, onEdit }: Props) {
  const { t } = useTranslation();
  const [prompt, setPrompt] = useState<{ kind: 'link' | 'note'; start: number; end: number } | null>(null);
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const run = (command: RichCommand) => {
    const element = box.current;
    if (!element) return;
    const { value: text, selectionStart: start, selectionEnd: end } = element;
    if (command === 'bold') onEdit(wrapSelection(text, start, end, '**', t('drafting.rich.boldText')));
    else if (command === 'italic') onEdit(wrapSelection(text, start, end, '*', t('drafting.rich.italicText')));
    else if (command === 'bullets' || command === 'numbers') onEdit(listLines(text, start, end, command === 'numbers', t('drafting.rich.listItem')));
    else {
      setValue(command === 'link' ? 'https://' : '');
      setPrompt({ kind: command, start, end });
    }
  };

  useEffect(() => {
    if (!asked) return;
    onAsked();
    run(asked);
    // `run` reads the box as it is now; only a new request matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asked]);

  useEffect(() => {
    if (prompt) input.current?.focus();
  }, [prompt]);

  const close = () => {
    setPrompt(null);
    box.current?.focus();
  };
  const submit = () => {
    const element = box.current;
    if (!prompt || !element || value.trim() === '') return;
    const text = element.value;
    onEdit(prompt.kind === 'link' ? insertLink(text, prompt.start, prompt.end, value, t('drafting.rich.linkText')) : insertNote(text, prompt.start, prompt.end, value));
    setPrompt(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  // Words, not glyphs: a "B" is no name for bold in Arabic or Chinese (and axe wants the visible text in the name).
  const button = (command: RichCommand, label: string, shortcut?: string) => (
    <button type="button" className={`small rich-${command}`} onClick={() => run(command)} aria-keyshortcuts={shortcut} title={shortcut ? `${label} (${shortcut.replace('Control', 'Ctrl')})` : undefined}>
      {label}
    </button>
  );
  return (
    <div className="rich-tools">
      <div role="toolbar" aria-label={t('drafting.rich.toolbar', { language })} aria-controls={id} className="rich-toolbar">
        {button('bold', t('drafting.rich.bold'), 'Control+B')}
        {button('italic', t('drafting.rich.italic'), 'Control+I')}
        {button('bullets', t('drafting.rich.bullets'))}
        {button('numbers', t('drafting.rich.numbers'))}
        {button('link', t('drafting.rich.link'), 'Control+K')}
        {button('note', t('drafting.rich.note'))}
      </div>
      {prompt && (
        <div className="rich-prompt">
          <label htmlFor={`${id}-prompt`}>{prompt.kind === 'link' ? t('drafting.rich.linkAddress') : t('drafting.rich.noteText')}</label>
          <input
            ref={input}
            id={`${id}-prompt`}
            type={prompt.kind === 'link' ? 'url' : 'text'}
            dir="auto"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            onKeyDown={onKeyDown}
          />
          <button type="button" className="small" onClick={submit}>
            {t('drafting.rich.insert')}
          </button>
          <button type="button" className="small" onClick={close}>
            {t('drafting.rich.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
