import type { TagRef } from '../../../../../db/contract/people';
import { TagChip } from './TagChip';

/** Compact tags for a list cell: the first few, then "+n". */
export function TagList({ tags, max = 3 }: { tags: TagRef[]; max?: number }) {
  const shown = tags.slice(0, max);
  return (
    <span className="tag-list">
      {shown.map((tag) => (
        <TagChip key={tag.id} tag={tag} />
      ))}
      {tags.length > max ? <span className="tag-list__more">+{tags.length - max}</span> : null}
    </span>
  );
}
