import { Controller, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CONTACT_SOURCES } from '../../../../../db/contract/people';
import { setServerErrors } from '../../../app/form-server-errors';
import { DateField } from '../../../app/ui/DateFields';
import { Field } from '../../../app/ui/Field';
import { OwnerSelect } from '../../people/shared/OwnerSelect';
import { PrivateField } from '../../system/privacy/PrivateField';
import { RecordPicker } from '../../system/search/RecordPicker';
import { MoneyInput } from '../shared/MoneyInput';
import { usePipelines } from '../shared/use-pipelines';
import { dealFormResolver, type DealFormValues } from './deal-form-values';
import { useAmountMessage } from '../../../app/use-money';

export interface DealFormProps {
  initialValues: DealFormValues;
  submitLabel: string;
  /** Creating chooses the pipeline and stage; editing leaves the stage to "Move". */
  mode: 'create' | 'edit';
  onSubmit: (values: DealFormValues) => Promise<void>;
  onCancel: () => void;
}

const SERVER_FIELDS: Record<string, FieldPath<DealFormValues>> = { amountMinor: 'amount', contactId: 'contact', companyId: 'company' };

/** Every deal field, validated with the contract's `dealCreate`; the amount is parsed exactly. */
export function DealForm({ initialValues, submitLabel, mode, onSubmit, onCancel }: DealFormProps) {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const amountMessage = useAmountMessage();
  const form = useForm<DealFormValues>({ resolver: dealFormResolver(amountMessage), defaultValues: initialValues, mode: 'onTouched' });
  const { register, control, handleSubmit, setError, setValue, formState } = form;
  const { errors, isSubmitting } = formState;
  const currency = useWatch({ control, name: 'currency' });
  const pipelineId = useWatch({ control, name: 'pipelineId' });
  const stageId = useWatch({ control, name: 'stageId' });
  const pipeline = pipelines.data?.find((candidate) => String(candidate.id) === pipelineId) ?? pipelines.data?.[0];
  const stage = pipeline?.stages.find((candidate) => String(candidate.id) === stageId);

  const submit = handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (error) {
      setServerErrors(error, setError, (path) => SERVER_FIELDS[path] ?? (path in values ? (path as FieldPath<DealFormValues>) : null));
    }
  });

  return (
    <form className="record-form" onSubmit={(event) => void submit(event)} noValidate aria-label={submitLabel}>
      {errors.root?.server ? (
        <p className="form-error" role="alert">
          {errors.root.server.message}
        </p>
      ) : null}
      <div className="form-grid">
        <Field label={t('deals.fields.title')} error={errors.title} className="form-grid__wide">
          {(fieldControl) => <input className="input" autoComplete="off" autoFocus={mode === 'create'} {...fieldControl} {...register('title')} />}
        </Field>
        <Field label={t('deals.fields.contact')} error={errors.contact as any}>
          {(fieldControl) => (
            <Controller
              control={control}
              name="contact"
              render={({ field }) => (
                <RecordPicker kinds={['contact']} id={fieldControl.id} aria-invalid={fieldControl['aria-invalid']} aria-describedby={fieldControl['aria-describedby']} placeholder={t('deals.contactPlaceholder')} value={field.value} onChange={field.onChange} />
              )}
            />
          )}
        </Field>
        <Field label={t('deals.fields.company')} error={errors.company as any}>
          {(fieldControl) => (
            <Controller
              control={control}
              name="company"
              render={({ field }) => (
                <RecordPicker kinds={['company']} id={fieldControl.id} aria-invalid={fieldControl['aria-invalid']} aria-describedby={fieldControl['aria-describedby']} placeholder={t('deals.companyPlaceholder')} value={field.value} onChange={field.onChange} />
              )}
            />
          )}
        </Field>
        <Field label={t('deals.fields.amount')} error={errors.amount}>
          {(fieldControl) => <MoneyInput currency={currency} placeholder="0.00" {...fieldControl} {...register('amount')} />}
        </Field>
        <Field label={t('deals.fields.currency')} error={errors.currency}>
          {(fieldControl) => <input className="input input--short" maxLength={3} {...fieldControl} {...register('currency', { setValueAs: (value: string) => value.trim().toUpperCase() })} />}
        </Field>
        <Controller
          control={control}
          name="expectedCloseDate"
          render={({ field }) => (
            <DateField label={t('deals.fields.expectedCloseDate')} error={errors.expectedCloseDate} value={field.value} onChange={field.onChange} onBlur={field.onBlur} fieldRef={field.ref} />
          )}
        />
        <Field label={t('deals.fields.owner')} error={errors.ownerId}>
          {(fieldControl) => <OwnerSelect emptyLabel={t('common.none')} {...fieldControl} {...register('ownerId')} />}
        </Field>
        <PrivateField registration={register('isPrivate')} error={errors.isPrivate} />
        {mode === 'create' ? (
          <>
            <Field label={t('deals.fields.pipeline')} error={errors.pipelineId}>
              {(fieldControl) => (
                <select
                  className="select"
                  {...fieldControl}
                  {...register('pipelineId', {
                    onChange: (event: { target: { value: string } }) => {
                      const next = pipelines.data?.find((candidate) => String(candidate.id) === event.target.value);
                      setValue('stageId', next?.stages[0] ? String(next.stages[0].id) : '');
                    },
                  })}
                >
                  {(pipelines.data ?? []).map((candidate) => (
                    <option key={candidate.id} value={String(candidate.id)}>
                      {candidate.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('deals.fields.stage')} error={errors.stageId}>
              {(fieldControl) => (
                <select className="select" {...fieldControl} {...register('stageId')}>
                  {(pipeline?.stages ?? []).map((candidate) => (
                    <option key={candidate.id} value={String(candidate.id)}>
                      {candidate.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        ) : null}
        <Field
          label={t('deals.fields.probability')}
          error={errors.probability}
          hint={stage || mode === 'edit' ? t('deals.probabilityHint', { value: stage?.probability ?? '' }) : undefined}
        >
          {(fieldControl) => <input className="input input--short" type="number" min={0} max={100} step={1} placeholder={stage ? String(stage.probability) : ''} {...fieldControl} {...register('probability')} />}
        </Field>
        <Field label={t('deals.fields.source')} error={errors.source}>
          {(fieldControl) => (
            <select className="select" {...fieldControl} {...register('source')}>
              <option value="">{t('common.none')}</option>
              {CONTACT_SOURCES.map((source) => (
                <option key={source} value={source}>
                  {t(`source.${source}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('deals.fields.description')} error={errors.description} className="form-grid__wide">
          {(fieldControl) => <textarea className="textarea" rows={3} {...fieldControl} {...register('description')} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel} disabled={isSubmitting}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
