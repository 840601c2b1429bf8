import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { companyCreate, type Company, type CompanyCreate } from '../../../../../db/contract/people';
import { rapportErrorOf } from '../../../app/errors';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { ConflictDialog, type ConflictRow } from '../shared/ConflictDialog';
import { changedFields } from '../shared/record-patch';
import { useFieldLabel, useFieldValueFormatter } from '../shared/use-field-value-formatter';
import { companyToFormValues, formValuesToCompanyInput } from './company-form-values';
import { CompanyForm } from './CompanyForm';

type CompanyPatch = Partial<Omit<CompanyCreate, 'tagIds'>>;

/** Edits a snapshot of the company; a save after someone else's gets the conflict dialog. */
export function CompanyEditPanel({ base, onDone }: { base: Company; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const fieldLabel = useFieldLabel();
  const formatValue = useFieldValueFormatter();
  const users = useQuery({ ...trpc.system.users.list.queryOptions(), staleTime: 60_000 });
  const update = useMutation({ ...trpc.people.companies.update.mutationOptions(), meta: { handledErrors: ['VALIDATION', 'CONFLICT'] } });
  const restore = useMutation(trpc.people.companies.restore.mutationOptions());
  const [conflict, setConflict] = useState<{ current: Company; patch: CompanyPatch } | null>(null);

  async function send(version: number, patch: CompanyPatch) {
    try {
      await update.mutateAsync({ id: base.id, version, patch });
      setConflict(null);
      showToast({ tone: 'success', message: { key: 'company.saved', values: { name: patch.name ?? base.name } } });
      onDone();
    } catch (error) {
      const rapport = rapportErrorOf(error);
      if (rapport?.code === 'CONFLICT' && rapport.current) {
        setConflict({ current: rapport.current as Company, patch });
        return;
      }
      throw error;
    }
  }

  async function save(company: CompanyCreate) {
    const baseline = companyCreate.safeParse({ ...formValuesToCompanyInput(companyToFormValues(base)), tagIds: [] });
    const patch = changedFields<CompanyPatch>(baseline.success ? baseline.data : null, company, ['tagIds']);
    if (Object.keys(patch).length === 0) {
      onDone();
      return;
    }
    await send(base.version, patch);
  }

  /** Theirs was a deletion: bring the company back from the Trash, then save this edit on it. */
  async function restoreAndSave(patch: CompanyPatch) {
    const restored = await restore.mutateAsync({ id: base.id });
    await send(restored.version, patch);
  }

  function keepTheirs() {
    // The refused save already caught up with the change feed, which brought their version.
    setConflict(null);
    showToast({ message: { key: 'conflict.keptTheirs' } });
    onDone();
  }

  function conflictRows(value: { current: Company; patch: CompanyPatch }): ConflictRow[] {
    return Object.keys(value.patch).map((field) => {
      const mine = (value.patch as Record<string, unknown>)[field];
      if (field === 'ownerId') {
        const mineName = users.data?.find((user) => user.id === mine)?.name ?? null;
        return { field, label: fieldLabel('owner'), theirs: formatValue('owner', value.current.ownerName), mine: formatValue('owner', mineName) };
      }
      return { field, label: fieldLabel(field), theirs: formatValue(field, (value.current as unknown as Record<string, unknown>)[field]), mine: formatValue(field, mine) };
    });
  }

  return (
    <section className="card" aria-labelledby="company-edit-title">
      <h2 id="company-edit-title" className="card__title">
        {t('company.editTitle')}
      </h2>
      <CompanyForm initialValues={companyToFormValues(base)} submitLabel={t('common.save')} onSubmit={save} onCancel={onDone} />
      {conflict ? (
        <ConflictDialog
          title={conflict.current.deletedAt !== null ? t('conflict.companyDeletedTitle') : t('conflict.companyTitle')}
          rows={conflictRows(conflict)}
          updatedByName={users.data?.find((user) => user.id === conflict.current.updatedBy)?.name ?? null}
          busy={update.isPending || restore.isPending}
          deleted={conflict.current.deletedAt !== null}
          onRestore={() => void restoreAndSave(conflict.patch).catch(() => undefined)}
          onKeepTheirs={keepTheirs}
          onUseMine={() => void send(conflict.current.version, conflict.patch).catch(() => undefined)}
        />
      ) : null}
    </section>
  );
}
