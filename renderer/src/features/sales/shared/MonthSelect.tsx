import { useTranslation } from 'react-i18next';
import { monthKey, shiftMonth } from '../../../app/dates';
import { monthLabel } from '../forecast/forecast-data';

const MONTHS_BACK = 6;
const MONTHS_AHEAD = 18;

/** A month (YYYY-MM) from half a year back to a year and a half ahead, named in the user's language. */
export function MonthSelect({ label, emptyLabel, value, onChange }: { label: string; emptyLabel: string; value: string; onChange: (month: string) => void }) {
  const { i18n } = useTranslation();
  const current = monthKey();
  const months = Array.from({ length: MONTHS_BACK + MONTHS_AHEAD + 1 }, (_, index) => shiftMonth(current, index - MONTHS_BACK));
  if (value && !months.includes(value)) months.push(value);
  months.sort();
  return (
    <select className="select" aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{emptyLabel}</option>
      {months.map((month) => (
        <option key={month} value={month}>
          {monthLabel(month, i18n.language, 'long')}
        </option>
      ))}
    </select>
  );
}
