import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CompaniesListPage } from '../features/people/companies/CompaniesListPage';
import { CompanyCreatePage } from '../features/people/companies/CompanyCreatePage';
import { CompanyPage } from '../features/people/companies/CompanyPage';
import { ContactCreatePage } from '../features/people/contacts/ContactCreatePage';
import { ContactPage } from '../features/people/contacts/ContactPage';
import { ContactsListPage } from '../features/people/contacts/ContactsListPage';
import { PipelineBoardPage } from '../features/sales/board/PipelineBoardPage';
import { DealCreatePage } from '../features/sales/deals/DealCreatePage';
import { DealPage } from '../features/sales/deals/DealPage';
import { DealsListPage } from '../features/sales/deals/DealsListPage';
import { ForecastPage } from '../features/sales/forecast/ForecastPage';
import { OrderCreatePage } from '../features/sales/orders/OrderCreatePage';
import { OrderPage } from '../features/sales/orders/OrderPage';
import { OrdersListPage } from '../features/sales/orders/OrdersListPage';
import { PipelineSettingsPage } from '../features/sales/pipelines/PipelineSettingsPage';
import { ProductsListPage } from '../features/sales/products/ProductsListPage';
import { SettingsPage } from '../features/system/settings/SettingsPage';
import { TrashPage } from '../features/system/trash/TrashPage';
import { TodayPage } from '../features/work/tasks/TodayPage';
import { Link } from './Link';
import { matchPath, navigate, useRoute } from './router';
import { EmptyState } from './ui/EmptyState';

function recordId(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function AppRoutes() {
  const { path, query } = useRoute();

  useEffect(() => {
    if (path === '/' || path === '') navigate('/contacts', { replace: true });
  }, [path]);

  if (path === '/contacts') return <ContactsListPage />;
  if (path === '/contacts/new') return <ContactCreatePage />;
  const contact = matchPath('/contacts/:id', path);
  if (contact && recordId(contact.id)) return <ContactPage key={contact.id} id={recordId(contact.id)!} />;

  if (path === '/companies') return <CompaniesListPage />;
  if (path === '/companies/new') return <CompanyCreatePage />;
  const company = matchPath('/companies/:id', path);
  if (company && recordId(company.id)) return <CompanyPage key={company.id} id={recordId(company.id)!} />;

  if (path === '/today') return <TodayPage />;
  if (path === '/pipeline') return <PipelineBoardPage />;
  if (path === '/pipeline/settings') return <PipelineSettingsPage />;
  if (path === '/deals') return <DealsListPage />;
  if (path === '/deals/new') return <DealCreatePage key={new URLSearchParams(query).toString()} />;
  const deal = matchPath('/deals/:id', path);
  if (deal && recordId(deal.id)) return <DealPage key={deal.id} id={recordId(deal.id)!} />;
  if (path === '/forecast') return <ForecastPage />;
  if (path === '/products') return <ProductsListPage />;
  if (path === '/orders') return <OrdersListPage />;
  if (path === '/orders/new') return <OrderCreatePage key={new URLSearchParams(query).toString()} />;
  const order = matchPath('/orders/:id', path);
  if (order && recordId(order.id)) return <OrderPage key={order.id} id={recordId(order.id)!} />;

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
