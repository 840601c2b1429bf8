import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactCreate, type Contact, type ContactCreate } from '../../../../../db/contract/people';
import { rapportErrorOf } from '../../../app/errors';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { ConflictDialog, type ConflictRow } from '../shared/ConflictDialog';
import { changedFields } from '../shared/record-patch';
import { useFieldLabel, useFieldValueFormatter } from '../shared/use-field-value-formatter';
import { contactToFormValues, formValuesToContactInput, type ContactFormValues } from './contact-form-values';
import { ContactForm } from './ContactForm';

type ContactPatch = Partial<Omit<ContactCreate, 'tagIds'>>;

interface Conflict {
  current: Contact;
  patch: ContactPatch;
  values: ContactFormValues;
}

/**
 * Edits a snapshot of the contact taken when editing began: its version is the one the update
 * names, so a save after someone else's is refused (CONFLICT) and the user chooses theirs or mine.
 */
export function ContactEditPanel({ base, onDone }: { base: Contact; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const fieldLabel = useFieldLabel();
  const formatValue = useFieldValueFormatter();
  const users = useQuery({ ...trpc.system.users.list.queryOptions(), staleTime: 60_000 });
  const update = useMutation({ ...trpc.people.contacts.update.mutationOptions(), meta: { handledErrors: ['VALIDATION', 'CONFLICT'] } });
  const restore = useMutation(trpc.people.contacts.restore.mutationOptions());
  const [conflict, setConflict] = useState<Conflict | null>(null);

  async function send(version: number, patch: ContactPatch, values: ContactFormValues) {
    try {
      await update.mutateAsync({ id: base.id, version, patch });
      setConflict(null);
      showToast({ tone: 'success', message: { key: 'contact.saved', values: { name: patch.name ?? base.name } } });
      onDone();
    } catch (error) {
      const rapport = rapportErrorOf(error);
      if (rapport?.code === 'CONFLICT' && rapport.current) {
        setConflict({ current: rapport.current as Contact, patch, values });
        return;
      }
      throw error;
    }
  }

  async function save(contact: ContactCreate, values: ContactFormValues) {
    const baseline = contactCreate.safeParse({ ...formValuesToContactInput(contactToFormValues(base)), tagIds: [] });
    const patch = changedFields<ContactPatch>(baseline.success ? baseline.data : null, contact, ['tagIds']);
    if (Object.keys(patch).length === 0) {
      onDone();
      return;
    }
    await send(base.version, patch, values);
  }

  /** Theirs was a deletion: bring the contact back from the Trash, then save this edit on it. */
  async function restoreAndSave(value: Conflict) {
    const restored = await restore.mutateAsync({ id: base.id });
    await send(restored.version, value.patch, value.values);
  }

  function keepTheirs() {
    // The refused save already caught up with the change feed, which brought their version.
    setConflict(null);
    showToast({ message: { key: 'conflict.keptTheirs' } });
    onDone();
  }

  function conflictRows(value: Conflict): ConflictRow[] {
    return Object.keys(value.patch).map((field) => {
      const mine = (value.patch as Record<string, unknown>)[field];
      const theirs = (value.current as unknown as Record<string, unknown>)[field];
      if (field === 'companyId') {
        return { field, label: fieldLabel('company'), theirs: formatValue('company', value.current.companyName), mine: formatValue('company', value.values.company?.name ?? null) };
      }
      if (field === 'ownerId') {
        const mineName = users.data?.find((user) => user.id === mine)?.name ?? null;
        return { field, label: fieldLabel('owner'), theirs: formatValue('owner', value.current.ownerName), mine: formatValue('owner', mineName) };
      }
      return { field, label: fieldLabel(field), theirs: formatValue(field, theirs), mine: formatValue(field, mine) };
    });
  }

  return (
    <section className="card" aria-labelledby="contact-edit-title">
      <h2 id="contact-edit-title" className="card__title">
        {t('contact.editTitle')}
      </h2>
      <ContactForm initialValues={contactToFormValues(base)} submitLabel={t('common.save')} onSubmit={save} onCancel={onDone} contactId={base.id} />
      {conflict ? (
        <ConflictDialog
          title={conflict.current.deletedAt !== null ? t('conflict.contactDeletedTitle') : t('conflict.contactTitle')}
          rows={conflictRows(conflict)}
          updatedByName={users.data?.find((user) => user.id === conflict.current.updatedBy)?.name ?? null}
          busy={update.isPending || restore.isPending}
          deleted={conflict.current.deletedAt !== null}
          onRestore={() => void restoreAndSave(conflict).catch(() => undefined)}
          onKeepTheirs={keepTheirs}
          onUseMine={() => void send(conflict.current.version, conflict.patch, conflict.values).catch(() => undefined)}
        />
      ) : null}
    </section>
  );
}
