import { useQuery } from '@tanstack/react-query';
import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../app/trpc';

/** A native select of the workspace's users; value is the user id as a string ('' = none/any). */
export function OwnerSelect({ emptyLabel, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { emptyLabel: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const users = useQuery({ ...trpc.system.users.list.queryOptions(), staleTime: 60_000 });
  return (
    <select className="select" {...props}>
      <option value="">{emptyLabel}</option>
      {(users.data ?? []).map((user) => (
        <option key={user.id} value={String(user.id)}>
          {user.active ? user.name : t('owner.inactive', { name: user.name })}
        </option>
      ))}
    </select>
  );
}
