import { i18n } from '../../../i18n';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import {
  contactCreate,
  type CHANNEL_LABELS,
  type Contact,
  type ContactCreate,
  type ContactCreateInput,
  type LIFECYCLE_STAGES,
} from '../../../../../db/contract/people';

type ChannelLabel = (typeof CHANNEL_LABELS)[number];

/** What the form's inputs hold: strings for text and selects ('' = none), booleans for checkboxes. */
export interface ContactFormValues {
  name: string;
  jobTitle: string;
  company: { id: number; name: string } | null;
  emails: { label: ChannelLabel; value: string }[];
  phones: { label: ChannelLabel; value: string }[];
  address: { street: string; city: string; region: string; postalCode: string; country: string };
  birthday: string;
  source: string;
  lifecycle: (typeof LIFECYCLE_STAGES)[number];
  ownerId: string;
  isPrivate: boolean;
  vip: boolean;
  creditRating: string;
  doNotContact: { email: boolean; phone: boolean; sms: boolean; mail: boolean };
}

export const EMPTY_CONTACT_FORM: ContactFormValues = {
  name: '',
  jobTitle: '',
  company: null,
  emails: [{ label: 'work', value: '' }],
  phones: [{ label: 'mobile', value: '' }],
  address: { street: '', city: '', region: '', postalCode: '', country: '' },
  birthday: '',
  source: '',
  lifecycle: 'lead',
  ownerId: '',
  isPrivate: false,
  vip: false,
  creditRating: '',
  doNotContact: { email: false, phone: false, sms: false, mail: false },
};

export function contactToFormValues(contact: Contact): ContactFormValues {
  return {
    name: contact.name,
    jobTitle: contact.jobTitle ?? '',
    company: contact.companyId ? { id: contact.companyId, name: contact.companyName ?? i18n.t('privacy.hiddenRecord') } : null,
    emails: contact.emails.map((email) => ({ ...email })),
    phones: contact.phones.map((phone) => ({ ...phone })),
    address: {
      street: contact.address.street ?? '',
      city: contact.address.city ?? '',
      region: contact.address.region ?? '',
      postalCode: contact.address.postalCode ?? '',
      country: contact.address.country ?? '',
    },
    birthday: contact.birthday ?? '',
    source: contact.source ?? '',
    lifecycle: contact.lifecycle,
    ownerId: contact.ownerId ? String(contact.ownerId) : '',
    isPrivate: contact.isPrivate,
    vip: contact.vip,
    creditRating: contact.creditRating ?? '',
    doNotContact: { ...contact.doNotContact },
  };
}

/** Form values → the contract's input (blank email/phone rows are dropped, '' selects become null). */
export function formValuesToContactInput(values: ContactFormValues): Omit<ContactCreateInput, 'tagIds'> {
  return {
    name: values.name,
    jobTitle: values.jobTitle,
    companyId: values.company?.id ?? null,
    emails: values.emails.filter((email) => email.value.trim() !== ''),
    phones: values.phones.filter((phone) => phone.value.trim() !== ''),
    address: values.address,
    birthday: values.birthday || null,
    source: (values.source || null) as ContactCreateInput['source'],
    lifecycle: values.lifecycle,
    ownerId: values.ownerId ? Number(values.ownerId) : null,
    isPrivate: values.isPrivate,
    vip: values.vip,
    creditRating: (values.creditRating || null) as ContactCreateInput['creditRating'],
    doNotContact: values.doNotContact,
  };
}

const contractResolver = zodResolver(contactCreate);

/**
 * Validates with the contract's own `contactCreate` schema. Blank channel rows are removed before
 * validation, so issue paths like `emails.1.value` could shift; map them back to the visible rows.
 */
export const contactFormResolver: Resolver<ContactFormValues, unknown, ContactCreate> = async (values, context, options) => {
  const input = formValuesToContactInput(values);
  const result = await contractResolver(input, context, options as any);
  const errors = result.errors as Record<string, any>;
  for (const kind of ['emails', 'phones'] as const) {
    const issues = errors[kind];
    if (!Array.isArray(issues)) continue;
    const visibleIndexes = values[kind].map((entry, index) => (entry.value.trim() !== '' ? index : -1)).filter((index) => index >= 0);
    const remapped: unknown[] = [];
    issues.forEach((issue, index) => {
      if (issue) remapped[visibleIndexes[index] ?? index] = issue;
    });
    errors[kind] = remapped;
  }
  if (errors.companyId) errors.company = errors.companyId;
  return result as any;
};
