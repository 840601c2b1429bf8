import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyRow } from '../../../../../db/contract/people';
import { Link } from '../../../app/Link';
import { useFormatters } from '../../../app/use-formatters';
import { TagList } from '../tags/TagList';
import { PrivateMark } from '../../system/privacy/PrivateMark';

export const COMPANY_COLUMN_IDS = ['name', 'industry', 'city', 'phone', 'email', 'contactCount', 'owner', 'tags', 'updatedAt', 'createdAt'] as const;

export const DEFAULT_COMPANY_COLUMNS: Record<string, boolean> = { createdAt: false };

export function useCompanyColumns(): ColumnDef<CompanyRow, any>[] {
  const { t } = useTranslation();
  const format = useFormatters();
  return useMemo<ColumnDef<CompanyRow, any>[]>(
    () => [
      {
        id: 'name',
        header: t('fields.name'),
        meta: { sortField: 'name', minWidth: 200, grow: 2, required: true },
        cell: ({ row }) => (
          <span className="cell-name">
            <Link to={`/companies/${row.original.id}`} className="cell-name__link" title={row.original.name} data-row-link>
              {row.original.name}
            </Link>
            <PrivateMark isPrivate={row.original.isPrivate} />
          </span>
        ),
      },
      { id: 'industry', header: t('fields.industry'), meta: { minWidth: 120 }, cell: ({ row }) => row.original.industry },
      { id: 'city', header: t('fields.city'), meta: { minWidth: 90, grow: 0.7 }, cell: ({ row }) => row.original.city },
      { id: 'phone', header: t('fields.phone'), meta: { minWidth: 140 }, cell: ({ row }) => <span className="cell-muted cell-tabular">{row.original.phone}</span> },
      { id: 'email', header: t('fields.email'), meta: { minWidth: 150, grow: 1.2 }, cell: ({ row }) => <span className="cell-muted">{row.original.email}</span> },
      {
        id: 'contactCount',
        header: t('fields.contactCount'),
        meta: { minWidth: 80, grow: 0.4 },
        cell: ({ row }) => <span className="cell-tabular">{format.number(row.original.contactCount)}</span>,
      },
      { id: 'owner', header: t('fields.owner'), meta: { minWidth: 80, grow: 0.6 }, cell: ({ row }) => row.original.ownerName },
      { id: 'tags', header: t('fields.tags'), meta: { minWidth: 120, grow: 1 }, cell: ({ row }) => <TagList tags={row.original.tags} max={2} /> },
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
