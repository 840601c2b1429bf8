import { useMoney } from '../../../app/use-money';

/** Amounts in several currencies side by side ("¥12,000.00 · $300.00"); never added across currencies. */
export function MoneyTotalsText({ totals, empty = '—' }: { totals: { currency: string; amountMinor: number }[]; empty?: string }) {
  const money = useMoney();
  if (totals.length === 0) return <span className="muted">{empty}</span>;
  return (
    <span className="money-list">
      {totals.map((total) => (
        <span key={total.currency} className="cell-tabular">
          {money(total.amountMinor, total.currency)}
        </span>
      ))}
    </span>
  );
}
