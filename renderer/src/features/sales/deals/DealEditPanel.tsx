import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeShape } from '../../../../../db/contract/merge';
import type { Deal, DealCreateInput } from '../../../../../db/contract/sales';
import { useMergingSave } from '../../../app/merge/use-merging-save';
import { useTRPC } from '../../../app/trpc';
import { useMoney } from '../../../app/use-money';
import { useFieldValueFormatter } from '../../people/shared/use-field-value-formatter';
import { dealToFormValues, formValuesToDealInput, type DealFormValues } from './deal-form-values';
import { DealForm } from './DealForm';

/** The stage moves on the board or the page, not in this form. */
type DealInput = Omit<DealCreateInput, 'stageId'>;

/** An amount means nothing without its currency: the two are one choice. */
const DEAL_MERGE: MergeShape = { groups: [['amountMinor', 'currency']] };

function dealInput(values: DealFormValues): DealInput {
  const { stageId: _stage, ...input } = formValuesToDealInput(values).input;
  return input;
}

/** Edits a snapshot of the deal; a save after someone else's merges field by field (useMergingSave). */
export function DealEditPanel({ base, onDone }: { base: Deal; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const money = useMoney();
  const formatValue = useFieldValueFormatter();
  const users = useQuery({ ...trpc.system.users.list.queryOptions(), staleTime: 60_000 });
  const update = useMutation({ ...trpc.sales.deals.update.mutationOptions(), meta: { handledErrors: ['VALIDATION', 'CONFLICT'] } });
  const restore = useMutation(trpc.sales.deals.restore.mutationOptions());
  // The pickers' names for my contact and company ids: the form knows them, the ids do not.
  const [picked, setPicked] = useState<DealFormValues | null>(null);

  function display(unit: string, values: DealInput, side: 'theirs' | 'mine', current: Deal): string {
    const none = t('common.none');
    if (unit === 'amountMinor') return money(values.amountMinor ?? 0, values.currency ?? current.currency);
    if (unit === 'contactId') return (side === 'theirs' ? current.contactName : picked?.contact?.name) ?? none;
    if (unit === 'companyId') return (side === 'theirs' ? current.companyName : picked?.company?.name) ?? none;
    if (unit === 'ownerId') return users.data?.find((user) => user.id === values.ownerId)?.name ?? none;
    return formatValue(unit, values[unit as keyof DealInput], { kind: 'deal' });
  }

  const merging = useMergingSave<Deal, DealInput>({
    toInput: (deal) => dealInput(dealToFormValues(deal)),
    shape: DEAL_MERGE,
    update: (version, patch) => update.mutateAsync({ id: base.id, version, patch }),
    restore: () => restore.mutateAsync({ id: base.id }),
    titles: { merge: t('deals.conflictTitle'), deleted: t('deals.conflictDeletedTitle') },
    label: ({ unit }) => t(`deals.fields.${unit.replace(/Id$|Minor$/, '')}`, { defaultValue: unit }),
    describe: ({ unit }, values, side, current) => display(unit, values, side, current),
    titleOf: (values) => values.title,
    savedToast: (values) => ({ key: 'deals.saved', values: { title: values.title } }),
    onDone,
  });

  async function save(values: DealFormValues) {
    setPicked(values);
    await merging.save(base, dealInput(values));
  }

  return (
    <section className="card" aria-labelledby="deal-edit-title">
      <h2 id="deal-edit-title" className="card__title">
        {t('deals.editTitle')}
      </h2>
      <DealForm mode="edit" initialValues={dealToFormValues(base)} submitLabel={t('common.save')} onSubmit={save} onCancel={onDone} />
      {merging.dialog}
    </section>
  );
}
