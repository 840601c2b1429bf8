import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CompaniesListPage } from '../features/people/companies/CompaniesListPage';
import { CompanyCreatePage } from '../features/people/companies/CompanyCreatePage';
import { ContactCreatePage } from '../features/people/contacts/ContactCreatePage';
import { ContactsListPage } from '../features/people/contacts/ContactsListPage';
import { PipelineBoardPage } from '../features/sales/board/PipelineBoardPage';
import { DealCreatePage } from '../features/sales/deals/DealCreatePage';
import { DealsListPage } from '../features/sales/deals/DealsListPage';
import { ForecastPage } from '../features/sales/forecast/ForecastPage';
import { OrderCreatePage } from '../features/sales/orders/OrderCreatePage';
import { OrdersListPage } from '../features/sales/orders/OrdersListPage';
import { PipelineSettingsPage } from '../features/sales/pipelines/PipelineSettingsPage';
import { ProductsListPage } from '../features/sales/products/ProductsListPage';
import { SettingsPage } from '../features/system/settings/SettingsPage';
import { TrashPage } from '../features/system/trash/TrashPage';
import { TodayPage } from '../features/work/tasks/TodayPage';
import { Link } from './Link';
import { PAGED_KINDS, RECORD_KIND_VIEWS } from './record-kinds';
import { matchPath, navigate, useRoute } from './router';
import { EmptyState } from './ui/EmptyState';

function recordId(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** `/contacts/12` and the like: every kind with a page is routed at its home plus the id. */
function matchRecordPage(path: string) {
  for (const kind of PAGED_KINDS) {
    const { home, Page } = RECORD_KIND_VIEWS[kind];
    const match = matchPath(`${home}/:id`, path);
    const id = recordId(match?.id);
    if (id) return <Page key={`${kind}-${id}`} id={id} />;
  }
  return null;
}

export function AppRoutes() {
  const { path, query } = useRoute();

  useEffect(() => {
    if (path === '/' || path === '') navigate('/contacts', { replace: true });
  }, [path]);

  if (path === '/contacts') return <ContactsListPage />;
  if (path === '/contacts/new') return <ContactCreatePage />;

  if (path === '/companies') return <CompaniesListPage />;
  if (path === '/companies/new') return <CompanyCreatePage />;

  if (path === '/today') return <TodayPage />;
  if (path === '/pipeline') return <PipelineBoardPage />;
  if (path === '/pipeline/settings') return <PipelineSettingsPage />;
  if (path === '/deals') return <DealsListPage />;
  if (path === '/deals/new') return <DealCreatePage key={new URLSearchParams(query).toString()} />;
  if (path === '/forecast') return <ForecastPage />;
  if (path === '/products') return <ProductsListPage />;
  if (path === '/orders') return <OrdersListPage />;
  if (path === '/orders/new') return <OrderCreatePage key={new URLSearchParams(query).toString()} />;

  const recordPage = matchRecordPage(path);
  if (recordPage) return recordPage;

  if (path === '/trash') return <TrashPage />;
  if (path === '/settings') return <SettingsPage />;
  if (path === '/' || path === '') return null;
  return <NotFoundPage />;
}

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t('notFound.title')}
      message={t('notFound.message')}
      action={
        <Link className="button button--primary" to="/contacts">
          {t('notFound.back')}
        </Link>
      }
    />
  );
}
