import { useTranslation } from 'react-i18next';
import { tagOption, type TagOption } from './noteFormat';
import { TagLabel } from './TagLabel';

interface Props {
  tags: readonly string[];
  byTag: ReadonlyMap<string, TagOption>;
  /** Offered on the note being written or edited; a note in the stream only shows its tags. */
  onRemove?: (tag: string) => void;
  tabIndex?: number;
}

/** A note's tags: catalogue items by code (their title on hover), themes in their own words. */
export function TagChips({ tags, byTag, onRemove, tabIndex }: Props) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <ul className="tag-chips" aria-label={t('capture.tags.label')}>
      {tags.map((tag) => {
        const option = tagOption(tag, byTag);
        return (
          <li key={tag} className={`tag-chip tag-${option.catalogue}`} title={option.title || undefined}>
            <span>
              <TagLabel option={option} />
            </span>
            {onRemove && (
              <button type="button" className="chip-remove" tabIndex={tabIndex} onClick={() => onRemove(tag)} aria-label={t('capture.tags.remove', { tag: option.label })}>
                ×
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
