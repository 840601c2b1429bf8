import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '../../../../../db/contract/record-kinds';
import { useFormatters } from '../../../app/use-formatters';

const ENUM_FIELDS: Record<string, string> = {
  lifecycle: 'lifecycle',
  source: 'source',
  creditRating: 'creditRating',
};

/** Enumerations whose translation depends on the kind of record (a deal's status is not an order's). */
const KIND_ENUM_FIELDS: Partial<Record<RecordKind, Record<string, string>>> = {
  deal: { status: 'deals.statuses' },
  order: { status: 'orders.statuses', kind: 'orders.kinds' },
  task: { priority: 'tasks.priorities', recurrenceUnit: 'tasks.units' },
  activity: { channel: 'channels', direction: 'activity.directions' },
  stage: { kind: 'pipelines.kinds' },
};

/** Moments are stored as epoch milliseconds in columns named `…At`. */
const isDateTimeField = (field: string) => /At$/.test(field);
/** Money is stored as integer minor units in columns named `…Minor`. */
const isMoneyField = (field: string) => /Minor$/.test(field);

export interface FieldContext {
  kind?: RecordKind;
  /** The record's currency, for money fields. */
  currency?: string;
}
const CALENDAR_DATE_FIELDS = new Set(['birthday', 'expectedCloseDate']);

/** Translated label of a record field as the core names it (audit entries, conflict rows). */
export function useFieldLabel() {
  const { t } = useTranslation();
  return useCallback((field: string) => t(`fields.${field}`, { defaultValue: humanize(field) }), [t]);
}

function humanize(field: string): string {
  const spaced = field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A field value as text for history and conflict views: enums translated, dates localized. */
export function useFieldValueFormatter() {
  const { t } = useTranslation();
  const format = useFormatters();
  const formatValue = useCallback(
    (field: string, value: unknown, context: FieldContext = {}): string => {
      function formatItem(item: unknown): string {
        if (item && typeof item === 'object') {
          const record = item as Record<string, unknown>;
          if (typeof record.value === 'string') {
            return typeof record.label === 'string' ? `${record.value} (${t(`channelLabel.${record.label}`, { defaultValue: record.label })})` : record.value;
          }
          if (typeof record.name === 'string') return record.name;
          // An order line: what, how many, at what price.
          if (typeof record.description === 'string' && typeof record.quantity === 'number') {
            const price = typeof record.unitPriceMinor === 'number' && context.currency ? ` @ ${format.money(record.unitPriceMinor, context.currency)}` : '';
            return `${record.description} × ${format.number(record.quantity)}${price}`;
          }
          return JSON.stringify(item);
        }
        return String(item);
      }
      if (value === null || value === undefined || value === '') return t('common.none');
      if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
      const enumKey = (context.kind && KIND_ENUM_FIELDS[context.kind]?.[field]) ?? ENUM_FIELDS[field];
      if (enumKey && typeof value === 'string') return t(`${enumKey}.${value}`, { defaultValue: value });
      if (CALENDAR_DATE_FIELDS.has(field) && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return format.isoDate(value);
      if (isDateTimeField(field) && typeof value === 'number') return format.dateTime(value);
      if (isMoneyField(field) && typeof value === 'number' && context.currency) return format.money(value, context.currency);
      if (Array.isArray(value)) {
        if (value.length === 0) return t('common.none');
        return value.map((item) => formatItem(item)).join(', ');
      }
      if (typeof value === 'object') {
        const parts = Object.entries(value as Record<string, unknown>)
          .filter(([, part]) => part !== null && part !== undefined && part !== '' && part !== false)
          .map(([key, part]) => (part === true ? t(`doNotContact.${key}`, { defaultValue: key }) : String(part)));
        return parts.length > 0 ? parts.join(', ') : t('common.none');
      }
      if (typeof value === 'number') return format.number(value);
      return String(value);
    },
    [t, format],
  );
  return formatValue;
}
