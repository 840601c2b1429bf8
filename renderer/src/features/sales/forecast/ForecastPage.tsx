import { EmptyState } from '../../../app/ui/EmptyState';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthKey, shiftMonth } from '../../../app/dates';
import { useTRPC } from '../../../app/trpc';
import { ErrorState } from '../../../app/ui/ErrorState';
import { MonthPicker } from '../../../app/ui/MonthPicker';
import { LoadingState } from '../../../app/ui/LoadingState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useMoney } from '../../../app/use-money';
import { useStoredState } from '../../../app/use-stored-state';
import { useWorkspace } from '../../../app/use-workspace';
import { OwnerSelect } from '../../people/shared/OwnerSelect';
import { usePipelines } from '../shared/use-pipelines';
import { forecastCurrencies, monthsInCurrency } from './forecast-data';
import { ForecastChart } from './ForecastChart';
import { ForecastMonthTable } from './ForecastMonthTable';
import { ForecastOwnerTable } from './ForecastOwnerTable';

interface ForecastFilters {
  pipelineId: number | null;
  ownerId: number | null;
  from: string;
  to: string;
}

/** Weighted pipeline by expected-close month and won revenue by month; by owner below. */
export function ForecastPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const money = useMoney();
  const workspace = useWorkspace();
  const pipelines = usePipelines();
  useDocumentTitle(t('forecast.title'));
  const [filters, setFilters] = useStoredState<ForecastFilters>(
    'rapport.forecast.filters',
    { pipelineId: null, ownerId: null, from: shiftMonth(monthKey(), -5), to: shiftMonth(monthKey(), 6) },
    'session',
  );
  const range = filters.from <= filters.to ? { from: filters.from, to: filters.to } : { from: filters.to, to: filters.from };
  const forecast = useQuery({
    ...trpc.sales.deals.forecast.queryOptions({ pipelineId: filters.pipelineId ?? undefined, ownerId: filters.ownerId ?? undefined, ...range }),
    placeholderData: keepPreviousData,
  });
  const currencies = forecastCurrencies(forecast.data, workspace?.currency ?? 'CNY');
  const [chosenCurrency, setCurrency] = useState<string | null>(null);
  const currency = chosenCurrency && currencies.includes(chosenCurrency) ? chosenCurrency : currencies[0]!;
  const points = monthsInCurrency(forecast.data, currency, range.from, range.to);
  const totals = points.reduce((sum, point) => ({ weighted: sum.weighted + point.weightedMinor, won: sum.won + point.wonMinor, open: sum.open + point.openMinor }), { weighted: 0, won: 0, open: 0 });

  return (
    <div className="record-page">
      <PageHeader title={t('forecast.title')} subtitle={t('forecast.subtitle')} />
      <div className="list-toolbar">
        <div className="filters" role="search" aria-label={t('forecast.filters')}>
          <select className="select" aria-label={t('board.pipeline')} value={filters.pipelineId ? String(filters.pipelineId) : ''} onChange={(event) => setFilters({ ...filters, pipelineId: event.target.value ? Number(event.target.value) : null })}>
            <option value="">{t('deals.anyPipeline')}</option>
            {(pipelines.data ?? []).map((pipeline) => (
              <option key={pipeline.id} value={String(pipeline.id)}>
                {pipeline.name}
              </option>
            ))}
          </select>
          <OwnerSelect aria-label={t('filters.owner')} emptyLabel={t('filters.anyOwner')} value={filters.ownerId ? String(filters.ownerId) : ''} onChange={(event) => setFilters({ ...filters, ownerId: event.target.value ? Number(event.target.value) : null })} />
          <MonthPicker label={t('forecast.from')} value={filters.from} onChange={(from) => setFilters({ ...filters, from })} />
          <MonthPicker label={t('forecast.to')} value={filters.to} onChange={(to) => setFilters({ ...filters, to })} />
          {currencies.length > 1 ? (
            <select className="select" aria-label={t('forecast.currency')} value={currency} onChange={(event) => setCurrency(event.target.value)}>
              {currencies.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          ) : null}
        </div>
      </div>
      <div className="forecast">
        {forecast.isPending ? <LoadingState /> : null}
        {forecast.isError ? <ErrorState error={forecast.error} onRetry={() => void forecast.refetch()} /> : null}
        {forecast.data ? (
          <>
            <dl className="stat-row stat-row--cards">
              <div className="stat card">
                <dt>{t('forecast.weighted')}</dt>
                <dd className="cell-tabular">{money(totals.weighted, currency)}</dd>
              </div>
              <div className="stat card">
                <dt>{t('forecast.open')}</dt>
                <dd className="cell-tabular">{money(totals.open, currency)}</dd>
              </div>
              <div className="stat card">
                <dt>{t('forecast.won')}</dt>
                <dd className="cell-tabular">{money(totals.won, currency)}</dd>
              </div>
            </dl>
            <section className="card" aria-labelledby="forecast-chart-title">
              <h2 id="forecast-chart-title" className="card__title">
                {t('forecast.byMonth')}
              </h2>
              {/* An axis from ¥0 to ¥4 says nothing: with no amounts in the range, say so instead. */}
              {points.some((point) => point.weightedMinor > 0 || point.wonMinor > 0 || point.openMinor > 0) ? (
                <>
                  <ForecastChart points={points} currency={currency} />
                  <details className="forecast__details">
                    <summary>{t('forecast.showTable')}</summary>
                    <ForecastMonthTable points={points} currency={currency} />
                  </details>
                </>
              ) : (
                <EmptyState title={t('forecast.emptyTitle')} message={t('forecast.emptyMessage')} />
              )}
            </section>
            <section className="card" aria-labelledby="forecast-owner-title">
              <h2 id="forecast-owner-title" className="card__title">
                {t('forecast.byOwner')}
              </h2>
              <ForecastOwnerTable owners={forecast.data.owners} currency={currency} />
            </section>
          </>
        ) : null}
      </div>
    </div>
  );
}
