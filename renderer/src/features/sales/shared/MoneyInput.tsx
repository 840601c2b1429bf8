import { forwardRef, type InputHTMLAttributes } from 'react';

/** A text field for an amount in a currency: typed as text, parsed to minor units exactly (never a float). */
export const MoneyInput = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { currency: string }>(function MoneyInput(
  { currency, className, ...props },
  ref,
) {
  return (
    <span className="money-input">
      <input ref={ref} className={`input money-input__field${className ? ` ${className}` : ''}`} inputMode="decimal" autoComplete="off" {...props} />
      <span className="money-input__currency" aria-hidden="true">
        {currency}
      </span>
    </span>
  );
});
