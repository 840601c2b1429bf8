import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, DealCreateInput } from '../../../../../db/contract/sales';
import { rapportErrorOf } from '../../../app/errors';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { useMoney } from '../../../app/use-money';
import { ConflictDialog, type ConflictRow } from '../../people/shared/ConflictDialog';
import { changedFields } from '../../people/shared/record-patch';
import { dealToFormValues, formValuesToDealInput, type DealFormValues } from './deal-form-values';
import { DealForm } from './DealForm';

type DealPatch = Partial<Omit<DealCreateInput, 'stageId'>>;

/** Edits a snapshot of the deal; a save after someone else's is refused (CONFLICT) and the user chooses. */
export function DealEditPanel({ base, onDone }: { base: Deal; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const money = useMoney();
  const update = useMutation({ ...trpc.sales.deals.update.mutationOptions(), meta: { handledErrors: ['VALIDATION', 'CONFLICT'] } });
  const restore = useMutation(trpc.sales.deals.restore.mutationOptions());
  const [conflict, setConflict] = useState<{ current: Deal; patch: DealPatch } | null>(null);

  async function send(version: number, patch: DealPatch) {
    try {
      await update.mutateAsync({ id: base.id, version, patch });
      setConflict(null);
      showToast({ tone: 'success', message: { key: 'deals.saved', values: { title: patch.title ?? base.title } } });
      onDone();
    } catch (error) {
      const rapport = rapportErrorOf(error);
      if (rapport?.code === 'CONFLICT' && rapport.current) {
        setConflict({ current: rapport.current as Deal, patch });
        return;
      }
      throw error;
    }
  }

  async function save(values: DealFormValues) {
    const { stageId: _before, ...baseline } = formValuesToDealInput(dealToFormValues(base)).input;
    const { stageId: _after, ...next } = formValuesToDealInput(values).input;
    const patch = changedFields<DealPatch>(baseline, next);
    if (Object.keys(patch).length === 0) {
      onDone();
      return;
    }
    await send(base.version, patch);
  }

  /** Theirs was a deletion: bring the deal back from the Trash, then save this edit on it. */
  async function restoreAndSave(patch: DealPatch) {
    const restored = await restore.mutateAsync({ id: base.id });
    await send(restored.version, patch);
  }

  function display(field: string, value: unknown, currency: string): string {
    if (value === null || value === undefined || value === '') return t('common.none');
    if (field === 'amountMinor' && typeof value === 'number') return money(value, currency);
    return String(value);
  }

  function rows(value: { current: Deal; patch: DealPatch }): ConflictRow[] {
    return Object.entries(value.patch).map(([field, mine]) => ({
      field,
      label: t(`deals.fields.${field.replace(/Id$|Minor$/, '')}`, { defaultValue: field }),
      theirs: display(field, (value.current as unknown as Record<string, unknown>)[field], value.current.currency),
      mine: display(field, mine, value.patch.currency ?? value.current.currency),
    }));
  }

  return (
    <section className="card" aria-labelledby="deal-edit-title">
      <h2 id="deal-edit-title" className="card__title">
        {t('deals.editTitle')}
      </h2>
      <DealForm mode="edit" initialValues={dealToFormValues(base)} submitLabel={t('common.save')} onSubmit={save} onCancel={onDone} />
      {conflict ? (
        <ConflictDialog
          title={conflict.current.deletedAt !== null ? t('deals.conflictDeletedTitle') : t('deals.conflictTitle')}
          rows={rows(conflict)}
          updatedByName={null}
          busy={update.isPending || restore.isPending}
          deleted={conflict.current.deletedAt !== null}
          onRestore={() => void restoreAndSave(conflict.patch).catch(() => undefined)}
          onKeepTheirs={() => {
            // The refused save already caught up with the change feed, which brought their version.
            setConflict(null);
            showToast({ message: { key: 'conflict.keptTheirs' } });
            onDone();
          }}
          onUseMine={() => void send(conflict.current.version, conflict.patch).catch(() => undefined)}
        />
      ) : null}
    </section>
  );
}
