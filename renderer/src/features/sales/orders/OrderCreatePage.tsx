import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { navigate, useRoute } from '../../../app/router';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { BackLink } from '../../../app/ui/BackLink';
import { ErrorState } from '../../../app/ui/ErrorState';
import { LoadingState } from '../../../app/ui/LoadingState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useWorkspace } from '../../../app/use-workspace';
import type { RecordChoice } from '../../system/search/RecordPicker';
import { EMPTY_LINE, formValuesToOrderInput, type OrderFormValues } from './order-form-values';
import { OrderForm } from './OrderForm';

function positiveId(value: string | null): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** A new quote or order, on a deal (`?dealId=`) or directly on a customer (`?contactId=` / `?companyId=`). */
export function OrderCreatePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { query } = useRoute();
  const workspace = useWorkspace();
  const dealId = positiveId(query.get('dealId'));
  const deal = useQuery({ ...trpc.sales.deals.get.queryOptions({ id: dealId ?? 0 }), enabled: dealId !== null });
  const kind = query.get('kind') === 'quote' ? 'quote' : 'order';
  useDocumentTitle(t(kind === 'quote' ? 'orders.newQuote' : 'orders.newOrder'));
  const create = useMutation({ ...trpc.sales.orders.create.mutationOptions(), meta: { handledErrors: ['VALIDATION'] } });

  async function save(values: OrderFormValues) {
    const input = formValuesToOrderInput(values, dealId);
    if (deal.data && !input.contactId && !input.companyId) {
      input.contactId = deal.data.contactId;
      input.companyId = deal.data.companyId;
    }
    const created = await create.mutateAsync(input);
    showToast({ tone: 'success', message: { key: created.kind === 'quote' ? 'orders.quoteCreated' : 'orders.orderCreated', values: { number: created.number } } });
    navigate(`/orders/${created.id}`, { replace: true });
  }

  let body;
  if (!workspace || (dealId !== null && deal.isPending)) body = <LoadingState />;
  else if (deal.isError) body = <ErrorState error={deal.error} />;
  else {
    const contactId = positiveId(query.get('contactId'));
    const companyId = positiveId(query.get('companyId'));
    let customer: RecordChoice | null = null;
    if (deal.data?.contactId) customer = { kind: 'contact', id: deal.data.contactId, name: deal.data.contactName ?? '' };
    else if (deal.data?.companyId) customer = { kind: 'company', id: deal.data.companyId, name: deal.data.companyName ?? '' };
    else if (contactId) customer = { kind: 'contact', id: contactId, name: query.get('contactName') ?? `#${contactId}` };
    else if (companyId) customer = { kind: 'company', id: companyId, name: query.get('companyName') ?? `#${companyId}` };
    body = (
      <OrderForm
        mode="create"
        dealId={dealId}
        initialValues={{ kind, customer, currency: deal.data?.currency ?? workspace.currency, note: '', lines: [{ ...EMPTY_LINE }] }}
        submitLabel={t(kind === 'quote' ? 'orders.createQuote' : 'orders.createOrder')}
        onSubmit={save}
        onCancel={() => window.history.back()}
      />
    );
  }

  return (
    <div className="record-page record-page--wide">
      {deal.data ? (
        <BackLink to={`/deals/${deal.data.id}`} label={deal.data.title} />
      ) : (
        <BackLink to="/orders" label={t('nav.orders')} />
      )}
      <PageHeader title={t(kind === 'quote' ? 'orders.newQuote' : 'orders.newOrder')} subtitle={deal.data ? t('orders.forDeal', { title: deal.data.title }) : undefined} />
      <section className="card">{body}</section>
    </div>
  );
}
