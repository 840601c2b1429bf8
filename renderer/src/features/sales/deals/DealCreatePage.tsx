import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { navigate, useRoute } from '../../../app/router';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { BackLink } from '../../../app/ui/BackLink';
import { LoadingState } from '../../../app/ui/LoadingState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useWorkspace } from '../../../app/use-workspace';
import type { RecordChoice } from '../../system/search/RecordPicker';
import { usePipelines } from '../shared/use-pipelines';
import { emptyDealForm, formValuesToDealInput, type DealFormValues } from './deal-form-values';
import { DealForm } from './DealForm';

function choiceFromQuery(query: URLSearchParams, kind: 'contact' | 'company'): RecordChoice | null {
  const id = Number(query.get(`${kind}Id`));
  return Number.isSafeInteger(id) && id > 0 ? { kind, id, name: query.get(`${kind}Name`) ?? `#${id}` } : null;
}

/** A new deal; opened from the board, the deals list, or a contact or company page (prefilled). */
export function DealCreatePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { query } = useRoute();
  const workspace = useWorkspace();
  const pipelines = usePipelines();
  useDocumentTitle(t('deals.new'));
  const create = useMutation({ ...trpc.sales.deals.create.mutationOptions(), meta: { handledErrors: ['VALIDATION'] } });

  async function save(values: DealFormValues) {
    const created = await create.mutateAsync(formValuesToDealInput(values).input);
    showToast({ tone: 'success', message: { key: 'deals.created', values: { title: created.title } } });
    navigate(`/deals/${created.id}`, { replace: true });
  }

  let body;
  if (!workspace || !pipelines.data) body = <LoadingState />;
  else {
    const pipeline = pipelines.data.find((candidate) => String(candidate.id) === query.get('pipelineId')) ?? pipelines.data[0];
    const stage = pipeline?.stages.find((candidate) => String(candidate.id) === query.get('stageId')) ?? pipeline?.stages[0];
    const contact = choiceFromQuery(query, 'contact');
    const company = choiceFromQuery(query, 'company');
    body = (
      <DealForm
        mode="create"
        initialValues={emptyDealForm({
          title: query.get('title') ?? '',
          contact,
          company,
          currency: workspace.currency,
          ownerId: workspace.currentUser ? String(workspace.currentUser.id) : '',
          pipelineId: pipeline ? String(pipeline.id) : '',
          stageId: stage ? String(stage.id) : '',
        })}
        submitLabel={t('deals.create')}
        onSubmit={save}
        onCancel={() => window.history.back()}
      />
    );
  }

  return (
    <div className="record-page record-page--narrow">
      <BackLink to="/deals" label={t('nav.deals')} />
      <PageHeader title={t('deals.new')} />
      <section className="card">{body}</section>
    </div>
  );
}
