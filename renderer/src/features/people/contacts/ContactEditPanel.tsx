import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactCreate, type Contact, type ContactCreate } from '../../../../../db/contract/people';
import type { MergeShape } from '../../../../../db/contract/merge';
import { useMergingSave } from '../../../app/merge/use-merging-save';
import { useTRPC } from '../../../app/trpc';
import { useFieldLabel, useFieldValueFormatter } from '../shared/use-field-value-formatter';
import { contactToFormValues, formValuesToContactInput, type ContactFormValues } from './contact-form-values';
import { ContactForm } from './ContactForm';

type ContactInput = Omit<ContactCreate, 'tagIds'>;

/** A contact as the update's input (tags are edited on the page, not in this form). */
function contactInput(contact: Contact): ContactInput {
  const input = { ...formValuesToContactInput(contactToFormValues(contact)), tagIds: [] };
  const parsed = contactCreate.safeParse(input);
  const { tagIds: _tags, ...fields } = parsed.success ? parsed.data : (input as ContactCreate);
  return fields;
}

/** An address and the do-not-contact flags merge part by part: their street and my city both stay. */
const CONTACT_MERGE: MergeShape = { nested: ['address', 'doNotContact'] };
const CONTACT_LABELS: Record<string, string> = {
  companyId: 'company',
  ownerId: 'owner',
  'doNotContact.email': 'dncEmail',
  'doNotContact.phone': 'dncPhone',
  'doNotContact.sms': 'dncSms',
  'doNotContact.mail': 'dncMail',
};

/**
 * Edits a snapshot of the contact taken when editing began: its version is the one the update
 * names, so a save after someone else's merges field by field (useMergingSave).
 */
export function ContactEditPanel({ base, onDone }: { base: Contact; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const fieldLabel = useFieldLabel();
  const formatValue = useFieldValueFormatter();
  const users = useQuery({ ...trpc.system.users.list.queryOptions(), staleTime: 60_000 });
  const update = useMutation({ ...trpc.people.contacts.update.mutationOptions(), meta: { handledErrors: ['VALIDATION', 'CONFLICT'] } });
  const restore = useMutation(trpc.people.contacts.restore.mutationOptions());
  // The company picker's name for my company id: the form knows it, the id does not.
  const [companyName, setCompanyName] = useState<string | null>(null);

  const merging = useMergingSave<Contact, ContactInput>({
    toInput: contactInput,
    shape: CONTACT_MERGE,
    update: (version, patch) => update.mutateAsync({ id: base.id, version, patch }),
    restore: () => restore.mutateAsync({ id: base.id }),
    titles: { merge: t('conflict.contactTitle'), deleted: t('conflict.contactDeletedTitle') },
    label: ({ unit }) => fieldLabel(CONTACT_LABELS[unit] ?? unit.replace(/^address\./, '')),
    describe: ({ unit }, values, side, current) => {
      const [field, part] = unit.split('.') as [keyof ContactInput, string | undefined];
      if (part) return formatValue(part, (values[field] as Record<string, unknown>)[part]);
      if (unit === 'companyId') return formatValue('company', side === 'theirs' ? current.companyName : companyName);
      if (unit === 'ownerId') return formatValue('owner', users.data?.find((user) => user.id === values.ownerId)?.name ?? null);
      return formatValue(unit, values[unit as keyof ContactInput]);
    },
    titleOf: (values) => values.name,
    savedToast: (values) => ({ key: 'contact.saved', values: { name: values.name } }),
    onDone,
  });

  async function save(contact: ContactCreate, values: ContactFormValues) {
    setCompanyName(values.company?.name ?? null);
    const { tagIds: _tags, ...mine } = contact;
    await merging.save(base, mine);
  }

  return (
    <section className="card" aria-labelledby="contact-edit-title">
      <h2 id="contact-edit-title" className="card__title">
        {t('contact.editTitle')}
      </h2>
      <ContactForm initialValues={contactToFormValues(base)} submitLabel={t('common.save')} onSubmit={save} onCancel={onDone} contactId={base.id} />
      {merging.dialog}
    </section>
  );
}
