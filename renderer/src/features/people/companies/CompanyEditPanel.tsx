import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MergeShape } from '../../../../../db/contract/merge';
import { companyCreate, type Company, type CompanyCreate } from '../../../../../db/contract/people';
import { useMergingSave } from '../../../app/merge/use-merging-save';
import { useTRPC } from '../../../app/trpc';
import { useFieldLabel, useFieldValueFormatter } from '../shared/use-field-value-formatter';
import { companyToFormValues, formValuesToCompanyInput } from './company-form-values';
import { CompanyForm } from './CompanyForm';

type CompanyInput = Omit<CompanyCreate, 'tagIds'>;

/** An address merges part by part: their street and my city both stay. */
const COMPANY_MERGE: MergeShape = { nested: ['address'] };

/** A company as the update's input (tags are edited on the page, not in this form). */
function companyInput(company: Company): CompanyInput {
  const input = { ...formValuesToCompanyInput(companyToFormValues(company)), tagIds: [] };
  const parsed = companyCreate.safeParse(input);
  const { tagIds: _tags, ...fields } = parsed.success ? parsed.data : (input as CompanyCreate);
  return fields;
}

/** Edits a snapshot of the company; a save after someone else's merges field by field (useMergingSave). */
export function CompanyEditPanel({ base, onDone }: { base: Company; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const fieldLabel = useFieldLabel();
  const formatValue = useFieldValueFormatter();
  const users = useQuery({ ...trpc.system.users.list.queryOptions(), staleTime: 60_000 });
  const update = useMutation({ ...trpc.people.companies.update.mutationOptions(), meta: { handledErrors: ['VALIDATION', 'CONFLICT'] } });
  const restore = useMutation(trpc.people.companies.restore.mutationOptions());

  const merging = useMergingSave<Company, CompanyInput>({
    toInput: companyInput,
    shape: COMPANY_MERGE,
    update: (version, patch) => update.mutateAsync({ id: base.id, version, patch }),
    restore: () => restore.mutateAsync({ id: base.id }),
    titles: { merge: t('conflict.companyTitle'), deleted: t('conflict.companyDeletedTitle') },
    label: ({ unit }) => fieldLabel(unit === 'ownerId' ? 'owner' : unit.replace(/^address\./, '')),
    describe: ({ unit }, values) => {
      if (unit === 'ownerId') return formatValue('owner', users.data?.find((user) => user.id === values.ownerId)?.name ?? null);
      const [field, part] = unit.split('.') as [keyof CompanyInput, string | undefined];
      return formatValue(part ?? field, part ? (values[field] as Record<string, unknown>)[part] : values[field]);
    },
    titleOf: (values) => values.name,
    savedToast: (values) => ({ key: 'company.saved', values: { name: values.name } }),
    onDone,
  });

  async function save(company: CompanyCreate) {
    const { tagIds: _tags, ...mine } = company;
    await merging.save(base, mine);
  }

  return (
    <section className="card" aria-labelledby="company-edit-title">
      <h2 id="company-edit-title" className="card__title">
        {t('company.editTitle')}
      </h2>
      <CompanyForm initialValues={companyToFormValues(base)} submitLabel={t('common.save')} onSubmit={save} onCancel={onDone} />
      {merging.dialog}
    </section>
  );
}
