import type { ReactNode } from 'react';
import { allowedLink, parseRichText, type RichBlock, type RichInline, type RichText } from '../../../../shared/richText';
import { BracketedText } from './BracketedText';

/*
 * A paragraph's rich text as the screens read it: emphasis, lists, sub-headings, links and
 * numbered notes, rendered from shared/richText's tree (never as HTML from the text), with
 * [disputed words] still marked as BracketedText marks them.
 */

function Inline({ content, numbers }: { content: readonly RichInline[]; numbers: ReadonlyMap<string, number> }) {
  return (
    <>
      {content.map((node, index) => {
        switch (node.kind) {
          case 'text':
            return <BracketedText key={index} text={node.text} />;
          case 'break':
            return <br key={index} />;
          case 'em':
            return (
              <em key={index}>
                <Inline content={node.children} numbers={numbers} />
              </em>
            );
          case 'strong':
            return (
              <strong key={index}>
                <Inline content={node.children} numbers={numbers} />
              </strong>
            );
          case 'underline':
            return (
              <u key={index}>
                <Inline content={node.children} numbers={numbers} />
              </u>
            );
          case 'link':
            return allowedLink(node.href) ? (
              <a key={index} href={node.href} rel="noreferrer" target="_blank">
                <Inline content={node.children} numbers={numbers} />
              </a>
            ) : (
              <Inline key={index} content={node.children} numbers={numbers} />
            );
          case 'note':
            return (
              <sup key={index} className="note-ref">
                {numbers.get(node.label) ?? node.label}
              </sup>
            );
        }
      })}
    </>
  );
}

function Block({ block, numbers, lead }: { block: RichBlock; numbers: ReadonlyMap<string, number>; lead: ReactNode }) {
  if (block.kind === 'heading') {
    const Tag = block.level === 1 ? 'h4' : 'h5';
    return (
      <Tag className="rich-heading">
        {lead}
        <Inline content={block.content} numbers={numbers} />
      </Tag>
    );
  }
  if (block.kind === 'paragraph') {
    return (
      <p>
        {lead}
        <Inline content={block.content} numbers={numbers} />
      </p>
    );
  }
  const items = block.items.map((item, index) => (
    <li key={index}>
      <Inline content={item} numbers={numbers} />
    </li>
  ));
  return (
    <>
      {lead && <p>{lead}</p>}
      {block.ordered ? <ol start={block.start}>{items}</ol> : <ul>{items}</ul>}
    </>
  );
}

/** The notes of one text, numbered 1, 2… in the order the text refers to them. */
export const noteNumbers = (rich: RichText): Map<string, number> => new Map(rich.notes.map((note, index) => [note.label, index + 1]));

/** Only inline content (a heading's line, a single paragraph): what fits inside a <p> or <h3>. */
export function RichInlineText({ text }: { text: string }) {
  const rich = parseRichText(text);
  const numbers = noteNumbers(rich);
  const content = rich.blocks.flatMap((block, at) => [...(at > 0 ? [{ kind: 'text' as const, text: ' ' }] : []), ...(block.kind === 'list' ? block.items.flat() : block.content)]);
  return <Inline content={content} numbers={numbers} />;
}

/** True when the text needs blocks (lists, sub-headings, several paragraphs, notes) rather than one line. */
export function needsBlocks(rich: RichText): boolean {
  return rich.notes.length > 0 || rich.blocks.length > 1 || rich.blocks.some((block) => block.kind !== 'paragraph');
}

/** The whole text as blocks, `lead` (a label) at the start of the first, its notes listed after. */
export function RichBlocks({ rich, lead }: { rich: RichText; lead?: ReactNode }) {
  const numbers = noteNumbers(rich);
  return (
    <>
      {rich.blocks.map((block, index) => (
        <Block key={index} block={block} numbers={numbers} lead={index === 0 ? lead : null} />
      ))}
      {rich.notes.length > 0 && (
        <ol className="rich-notes">
          {rich.notes.map((note) => (
            <li key={note.label}>
              <Inline content={note.content} numbers={numbers} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
