import type { ReactNode } from 'react';
import type { TagRef } from '../../../../../db/contract/people';

export function TagChip({ tag, children }: { tag: TagRef; children?: ReactNode }) {
  return (
    <span className="tag-chip">
      <span className="tag-chip__dot" style={tag.color ? { backgroundColor: tag.color } : undefined} aria-hidden="true" />
      <span className="tag-chip__name">{tag.name}</span>
      {children}
    </span>
  );
}
