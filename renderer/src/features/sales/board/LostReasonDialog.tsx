import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requiredText } from '../../../../../db/contract/common';
import { fieldIssues } from '../../../app/errors';
import { Field } from '../../../app/ui/Field';
import { Modal } from '../../../app/ui/Modal';

const schema = z.object({ lostReason: requiredText(500) });
const SUGGESTIONS = ['price', 'competitor', 'noBudget', 'noDecision', 'timing'] as const;

/** Moving a deal to a lost stage needs the reason it was lost (the core refuses without one). */
export function LostReasonDialog({
  dealTitle,
  stageName,
  onCancel,
  onSubmit,
}: {
  dealTitle: string;
  stageName: string;
  onCancel: () => void;
  /** Resolves when the deal moved; rejects with the API error (a VALIDATION issue shows by the field). */
  onSubmit: (lostReason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const { register, handleSubmit, formState, setValue, setError } = useForm<{ lostReason: string }>({
    resolver: zodResolver(schema),
    defaultValues: { lostReason: '' },
  });
  const submit = handleSubmit(async (values) => {
    try {
      await onSubmit(values.lostReason.trim());
    } catch (error) {
      const issue = fieldIssues(error).find((candidate) => candidate.path === 'lostReason') ?? fieldIssues(error)[0];
      if (issue) setError('lostReason', { type: 'server', message: issue.message }, { shouldFocus: true });
    }
  });
  return (
    <Modal
      title={t('board.lostTitle', { title: dealTitle })}
      description={t('board.lostDescription', { stage: stageName })}
      onDismiss={onCancel}
      busy={formState.isSubmitting}
      size="small"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} disabled={formState.isSubmitting}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="button button--danger" disabled={formState.isSubmitting}>
            {t('board.markLost')}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(event) => void submit(event)} noValidate className="compact-form">
        <Field label={t('board.lostReason')} error={formState.errors.lostReason}>
          {(control) => <textarea className="textarea" rows={3} {...control} {...register('lostReason')} />}
        </Field>
        <div className="chip-group" role="group" aria-label={t('board.commonReasons')}>
          {SUGGESTIONS.map((suggestion) => (
            <button
              key={suggestion}
              type="button"
              className="chip"
              onClick={() => setValue('lostReason', t(`board.reasons.${suggestion}`), { shouldValidate: formState.isSubmitted })}
            >
              {t(`board.reasons.${suggestion}`)}
            </button>
          ))}
        </div>
      </form>
    </Modal>
  );
}
