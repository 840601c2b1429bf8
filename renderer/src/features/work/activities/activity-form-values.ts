import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { activityCreate, type Activity, type ActivityChannel, type ActivityCreateInput } from '../../../../../db/contract/work';
import { dateTimeInputValue, parseDateTimeInput } from '../../../app/dates';

export interface ActivityLinks {
  contactId?: number | null;
  companyId?: number | null;
  dealId?: number | null;
}

/** What the compact log form holds: strings for inputs ('' = none). */
export interface ActivityFormValues {
  channel: ActivityChannel;
  direction: '' | 'inbound' | 'outbound';
  subject: string;
  outcome: string;
  duration: string;
  when: string;
  body: string;
}

export function emptyActivityForm(channel: ActivityChannel, subject: string, now = Date.now()): ActivityFormValues {
  return {
    channel,
    direction: channel === 'note' || channel === 'web' ? '' : channel === 'call' || channel === 'visit' ? 'outbound' : '',
    subject,
    outcome: '',
    duration: '',
    when: dateTimeInputValue(now),
    body: '',
  };
}

export function activityToFormValues(activity: Activity): ActivityFormValues {
  return {
    channel: activity.channel,
    direction: activity.direction ?? '',
    subject: activity.subject,
    outcome: activity.outcome ?? '',
    duration: activity.durationMinutes === null ? '' : String(activity.durationMinutes),
    when: dateTimeInputValue(activity.occurredAt),
    body: activity.body ?? '',
  };
}

export function formValuesToActivityInput(values: ActivityFormValues, links: ActivityLinks): ActivityCreateInput {
  const duration = values.duration.trim();
  return {
    channel: values.channel,
    direction: values.direction || null,
    subject: values.subject,
    outcome: values.outcome,
    body: values.body,
    durationMinutes: duration === '' ? null : Number(duration),
    occurredAt: parseDateTimeInput(values.when) ?? (Number.NaN as number),
    contactId: links.contactId ?? null,
    companyId: links.companyId ?? null,
    dealId: links.dealId ?? null,
  };
}

const FIELD_OF_PATH: Record<string, keyof ActivityFormValues> = { durationMinutes: 'duration', occurredAt: 'when' };

/** Validates with the contract's `activityCreate`; issue paths are renamed to the form's fields. */
export function activityFormResolver(links: ActivityLinks): Resolver<ActivityFormValues> {
  const contract = zodResolver(activityCreate);
  return async (values, context, options) => {
    const result = await contract(formValuesToActivityInput(values, links), context, options as any);
    const errors = result.errors as Record<string, any>;
    for (const [path, field] of Object.entries(FIELD_OF_PATH)) {
      if (errors[path]) {
        errors[field] = errors[path];
        delete errors[path];
      }
    }
    if (errors.contactId) {
      errors.root = { server: errors.contactId };
      delete errors.contactId;
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}
