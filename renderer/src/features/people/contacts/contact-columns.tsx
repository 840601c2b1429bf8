import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactRow } from '../../../../../db/contract/people';
import { Link } from '../../../app/Link';
import { useFormatters } from '../../../app/use-formatters';
import { LifecycleBadge } from '../shared/LifecycleBadge';
import { VipBadge } from '../shared/VipBadge';
import { TagList } from '../tags/TagList';
import { PrivateMark } from '../../system/privacy/PrivateMark';
import { LinkedRecord } from '../../system/privacy/LinkedRecord';

export const CONTACT_COLUMN_IDS = ['name', 'company', 'jobTitle', 'email', 'phone', 'lifecycle', 'owner', 'tags', 'city', 'vip', 'updatedAt', 'createdAt'] as const;

export const DEFAULT_CONTACT_COLUMNS: Record<string, boolean> = { jobTitle: false, city: false, vip: false, createdAt: false };

export function useContactColumns(): ColumnDef<ContactRow, any>[] {
  const { t } = useTranslation();
  const format = useFormatters();
  return useMemo<ColumnDef<ContactRow, any>[]>(
    () => [
      {
        id: 'name',
        header: t('fields.name'),
        meta: { sortField: 'name', minWidth: 180, grow: 1.6, required: true },
        cell: ({ row }) => (
          <span className="cell-name">
            <Link to={`/contacts/${row.original.id}`} className="cell-name__link" title={row.original.name} data-row-link>
              {row.original.name}
            </Link>
            {row.original.vip ? <span className="cell-name__vip" aria-label={t('contact.vip')} title={t('contact.vip')}>★</span> : null}
            <PrivateMark isPrivate={row.original.isPrivate} />
          </span>
        ),
      },
      {
        id: 'company',
        header: t('fields.company'),
        meta: { minWidth: 150, grow: 1.4 },
        cell: ({ row }) => <LinkedRecord to={`/companies/${row.original.companyId}`} id={row.original.companyId} name={row.original.companyName} className="cell-link" />,
      },
      { id: 'jobTitle', header: t('fields.jobTitle'), meta: { minWidth: 140 }, cell: ({ row }) => row.original.jobTitle },
      {
        id: 'email',
        header: t('fields.email'),
        meta: { minWidth: 180, grow: 1.5 },
        cell: ({ row }) => <span className="cell-muted">{row.original.primaryEmail}</span>,
      },
      {
        id: 'phone',
        header: t('fields.phone'),
        meta: { minWidth: 150, grow: 0.9 },
        cell: ({ row }) => <span className="cell-muted cell-tabular">{row.original.primaryPhone}</span>,
      },
      {
        id: 'lifecycle',
        header: t('fields.lifecycle'),
        meta: { sortField: 'lifecycle', minWidth: 100, grow: 0.6 },
        cell: ({ row }) => <LifecycleBadge stage={row.original.lifecycle} />,
      },
      { id: 'owner', header: t('fields.owner'), meta: { minWidth: 80, grow: 0.5 }, cell: ({ row }) => row.original.ownerName },
      { id: 'tags', header: t('fields.tags'), meta: { minWidth: 120, grow: 1 }, cell: ({ row }) => <TagList tags={row.original.tags} max={2} /> },
      { id: 'city', header: t('fields.city'), meta: { minWidth: 100, grow: 0.7 }, cell: ({ row }) => row.original.city },
      { id: 'vip', header: t('fields.vip'), meta: { minWidth: 70, grow: 0.3 }, cell: ({ row }) => (row.original.vip ? <VipBadge /> : null) },
      {
        id: 'updatedAt',
        header: t('fields.updatedAt'),
        meta: { sortField: 'updatedAt', minWidth: 110, grow: 0.7 },
        cell: ({ row }) => (
          <time className="cell-muted" dateTime={new Date(row.original.updatedAt).toISOString()} title={format.dateTime(row.original.updatedAt)}>
            {format.relative(row.original.updatedAt)}
          </time>
        ),
      },
      {
        id: 'createdAt',
        header: t('fields.createdAt'),
        meta: { sortField: 'createdAt', minWidth: 120, grow: 0.8 },
        cell: ({ row }) => <span className="cell-muted">{format.date(row.original.createdAt)}</span>,
      },
    ],
    [t, format],
  );
}
