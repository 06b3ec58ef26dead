import type { Highlighted } from '../../../../shared/search';
import { directionOf } from '../../../../shared/languages';
import { highlightSegments } from './highlightSegments';

/** A snippet in its own language and direction, the words that matched marked. */
export function HighlightedText({ snippet, lang }: { snippet: Highlighted; lang: string | null }) {
  const segments = highlightSegments(snippet.text, snippet.matches);
  return (
    <span className="search-snippet" lang={lang ?? undefined} dir={lang ? directionOf(lang) : 'auto'}>
      {segments.map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
    </span>
  );
}
