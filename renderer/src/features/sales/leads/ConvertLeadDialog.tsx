import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoney } from '../../../../../db/contract/money';
import type { Contact } from '../../../../../db/contract/people';
import { fieldIssues } from '../../../app/errors';
import { navigate } from '../../../app/router';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { DateField } from '../../../app/ui/DateFields';
import { Modal } from '../../../app/ui/Modal';
import { useWorkspace } from '../../../app/use-workspace';
import { MoneyInput } from '../shared/MoneyInput';
import { usePipelines } from '../shared/use-pipelines';
import { useAmountMessage } from '../../../app/use-money';

/**
 * One step from a lead to a deal: the deal is named after the lead (editable), the amount and
 * close date are optional, and the contact becomes a prospect. Enter converts at once.
 */
export function ConvertLeadDialog({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const pipelines = usePipelines();
  const formId = useId();
  const currency = workspace?.currency ?? 'CNY';
  const [title, setTitle] = useState(contact.companyName ? `${contact.companyName} · ${contact.name}` : contact.name);
  const [amount, setAmount] = useState('');
  const [closeDate, setCloseDate] = useState('');
  const [pipelineId, setPipelineId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const amountMessage = useAmountMessage();
  const convert = useMutation({ ...trpc.sales.leads.convert.mutationOptions(), meta: { handledErrors: ['VALIDATION'] } });
  const amountMinor = parseMoney(amount.trim() || '0', currency);

  async function submit() {
    if (amountMinor === null) {
      setError(amountMessage(amount, currency) ?? t('money.invalid'));
      return;
    }
    try {
      const deal = await convert.mutateAsync({
        contactId: contact.id,
        contactVersion: contact.version,
        title: title.trim() || null,
        amountMinor,
        currency,
        pipelineId: pipelineId ? Number(pipelineId) : undefined,
        expectedCloseDate: closeDate || null,
      });
      showToast({ tone: 'success', message: { key: 'leads.converted', values: { name: contact.name, title: deal.title } } });
      onClose();
      navigate(`/deals/${deal.id}`);
    } catch (caught) {
      const issue = fieldIssues(caught)[0];
      if (issue) setError(issue.message);
    }
  }

  return (
    <Modal
      title={t('leads.convertTitle', { name: contact.name })}
      description={t('leads.convertDescription')}
      onDismiss={onClose}
      busy={convert.isPending}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={convert.isPending}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={convert.isPending}>
            {t('leads.convert')}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="compact-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-grid form-grid--compact">
          <label className="field form-grid__wide">
            <span className="field__label">{t('deals.fields.title')}</span>
            <input className="input" value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">{t('deals.fields.amount')}</span>
            <MoneyInput
              currency={currency}
              placeholder="0.00"
              value={amount}
              aria-invalid={amountMinor === null}
              onChange={(event) => {
                // A message about the amount goes as soon as the amount changes.
                setAmount(event.target.value);
                setError(null);
              }}
            />
          </label>
          <DateField label={t('deals.fields.expectedCloseDate')} value={closeDate} onChange={setCloseDate} />
          {pipelines.data && pipelines.data.length > 1 ? (
            <label className="field">
              <span className="field__label">{t('deals.fields.pipeline')}</span>
              <select className="select" value={pipelineId} onChange={(event) => setPipelineId(event.target.value)}>
                {pipelines.data.map((pipeline) => (
                  <option key={pipeline.id} value={pipeline.isDefault ? '' : String(pipeline.id)}>
                    {pipeline.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
      </form>
    </Modal>
  );
}
