import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { minorDigits } from '../../../../../db/contract/money';
import { useTheme } from '../../../app/theme';
import { useFormatters } from '../../../app/use-formatters';
import type { ForecastPoint } from './forecast-data';

function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** Weighted pipeline and won revenue per month as bars, the unweighted open pipeline as a line. */
export function ForecastChart({ points, currency }: { points: ForecastPoint[]; currency: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [theme] = useTheme();
  const scale = 10 ** minorDigits(currency);
  const colors = useMemo(
    () => ({
      weighted: cssColor('--accent', '#4f5bd5'),
      won: cssColor('--success', '#1f8a4c'),
      open: cssColor('--text-faint', '#9a9aa4'),
      grid: cssColor('--border', '#e4e4e8'),
      text: cssColor('--text-muted', '#6b6b76'),
    }),
    // Re-read the theme's colours when it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [theme],
  );
  const data = points.map((point) => ({
    label: format.month(point.month, 'short'),
    weighted: point.weightedMinor / scale,
    won: point.wonMinor / scale,
    open: point.openMinor / scale,
  }));
  const names = { weighted: t('forecast.weighted'), won: t('forecast.won'), open: t('forecast.open') };

  return (
    <figure className="forecast-chart" aria-label={t('forecast.chartLabel', { currency })}>
      <ResponsiveContainer width="100%" height={320}>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} title={t('forecast.chartLabel', { currency })}>
          <CartesianGrid stroke={colors.grid} vertical={false} />
          <XAxis dataKey="label" tick={{ fill: colors.text, fontSize: 12 }} stroke={colors.grid} />
          <YAxis tickFormatter={(value: number) => format.compactMoney(value, currency)} tick={{ fill: colors.text, fontSize: 12 }} stroke={colors.grid} width={80} />
          <Tooltip
            formatter={(value, name) => [format.money(Math.round(Number(value) * scale), currency), String(name)]}
            contentStyle={{ background: cssColor('--bg-elevated', '#fff'), border: `1px solid ${colors.grid}`, borderRadius: 8 }}
          />
          {/* Our own legend: recharts' default labels each swatch "… legend icon" in English. */}
          <Legend
            content={({ payload }) => (
              <ul className="chart-legend">
                {payload?.map((entry) => (
                  <li key={String(entry.value)}>
                    <span className="chart-legend__swatch" style={{ background: entry.color }} aria-hidden="true" />
                    {entry.value}
                  </li>
                ))}
              </ul>
            )}
          />
          <Bar dataKey="weighted" name={names.weighted} fill={colors.weighted} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="won" name={names.won} fill={colors.won} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Line dataKey="open" name={names.open} stroke={colors.open} strokeDasharray="4 3" dot={{ r: 2.5, fill: colors.open }} type="linear" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
