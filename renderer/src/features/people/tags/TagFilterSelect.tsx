import { useQuery } from '@tanstack/react-query';
import type { SelectHTMLAttributes } from 'react';
import { useTRPC } from '../../../app/trpc';

/** A native select of all tags; value is the tag id as a string ('' = any). */
export function TagFilterSelect({ emptyLabel, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { emptyLabel: string }) {
  const trpc = useTRPC();
  const tags = useQuery(trpc.people.tags.list.queryOptions());
  return (
    <select className="select" {...props}>
      <option value="">{emptyLabel}</option>
      {(tags.data ?? []).map((tag) => (
        <option key={tag.id} value={String(tag.id)}>
          {tag.name}
        </option>
      ))}
    </select>
  );
}
