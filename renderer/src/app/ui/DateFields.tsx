import { CalendarDate, CalendarDateTime, parseDate, parseDateTime, parseTime, Time } from '@internationalized/date';
import { useImperativeHandle, useId, useRef, useState, type ReactNode, type Ref } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  CalendarMonthPicker,
  CalendarYearPicker,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Label,
  Popover,
  TimeField,
  useLocale,
  type Key,
} from 'react-aria-components';
import type { FieldError } from 'react-hook-form';
import { FieldErrorMessage } from './FieldErrorMessage';

/**
 * Date and time inputs in the app's language (React Aria's segmented fields and calendar, under the
 * I18nProvider in App): "11/2/2026" and "November 2026" in English, "2026/11/2" and "2026年11月" in
 * Chinese, whatever the browser's own locale. Values stay the plain strings the forms always used —
 * YYYY-MM-DD, HH:MM, YYYY-MM-DDTHH:MM (local time, see dates.ts), '' when empty — so the zod
 * contracts and the form helpers do not change.
 */

/** What react-hook-form focuses when the field has an error. */
export interface FocusableField {
  focus: () => void;
}

interface DateControlProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** 'field': label above, for form grids; 'inline': label beside, for toolbars and action rows. */
  layout?: 'field' | 'inline';
  small?: boolean;
  className?: string;
  error?: FieldError | undefined;
  /** Marks the field invalid without a message (a value the surrounding code cannot use). */
  invalid?: boolean;
  hint?: ReactNode;
  name?: string;
  autoFocus?: boolean;
  /** react-hook-form's `field.ref`, so a failed submit focuses the first segment. */
  fieldRef?: Ref<FocusableField>;
}

function safely<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch {
    return null;
  }
}

const toCalendarDate = (value: string) => (value ? safely(() => parseDate(value)) : null);
const toTime = (value: string) => (value ? safely(() => parseTime(value)) : null);
const toDateTime = (value: string) => (value ? safely(() => parseDateTime(value)) : null);
const pad = (value: number) => String(value).padStart(2, '0');
const timeText = (time: { hour: number; minute: number }) => `${pad(time.hour)}:${pad(time.minute)}`;

/** The label, hint and error around a control, laid out like `Field` (ids wired through aria-describedby). */
function useFieldParts({ label, error, hint, layout = 'field', className, invalid }: DateControlProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && !error ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const isInvalid = Boolean(error) || Boolean(invalid);
  const rootClass = [layout === 'inline' ? 'inline-field date-field--inline' : 'field', 'date-field', isInvalid && layout === 'field' ? 'field--invalid' : null, className]
    .filter(Boolean)
    .join(' ');
  const labelElement = <Label className={layout === 'inline' ? 'inline-field__label' : 'field__label'}>{label}</Label>;
  const messages = (
    <>
      {hint && !error ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? <FieldErrorMessage id={errorId} error={error} /> : null}
    </>
  );
  return { rootClass, labelElement, messages, describedBy, isInvalid };
}

/** The root element, and react-hook-form's focus handle on its first segment. */
function useRootRef(fieldRef: Ref<FocusableField> | undefined) {
  const rootRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(fieldRef, () => ({ focus: () => rootRef.current?.querySelector<HTMLElement>('[role="spinbutton"]')?.focus() }), []);
  return rootRef;
}

/** The segments of a date/time value, each a spinbutton named by its part ("month", "年"…). */
function Segments() {
  return <DateInput className="date-field__segments">{(segment) => <DateSegment segment={segment} className="date-field__segment" />}</DateInput>;
}

function CalendarIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="2" y="3" width="12" height="11" rx="2" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M2 6.5h12M5.5 1.5v3M10.5 1.5v3" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}

/** A native select over React Aria's month or year choices (names and its label from the locale). */
function CalendarSelect({ picker }: { picker: { 'aria-label': string; value: Key; onChange: (key: Key | null) => void; items: { id: number; formatted: string }[] } }) {
  return (
    <select className="select select--compact calendar__select" aria-label={picker['aria-label']} value={String(picker.value)} onChange={(event) => picker.onChange(Number(event.target.value))}>
      {picker.items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.formatted}
        </option>
      ))}
    </select>
  );
}

/**
 * A month of days with previous/next buttons and a month and a year to jump to (a birthday is
 * decades back); names of months and weekdays come from the locale.
 */
export function CalendarPanel() {
  const { locale } = useLocale();
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long' }).formatToParts(0).map((part) => part.type);
  const monthFirst = parts.indexOf('month') < parts.indexOf('year');
  const year = <CalendarYearPicker visibleYears={41}>{(picker) => <CalendarSelect picker={picker} />}</CalendarYearPicker>;
  const month = <CalendarMonthPicker format="short">{(picker) => <CalendarSelect picker={picker} />}</CalendarMonthPicker>;
  return (
    <Calendar className="calendar">
      <header className="calendar__header">
        <Button slot="previous" className="icon-button calendar__nav">
          <span aria-hidden="true">‹</span>
        </Button>
        <span className="calendar__heading">
          {monthFirst ? month : year}
          {monthFirst ? year : month}
        </span>
        <Button slot="next" className="icon-button calendar__nav">
          <span aria-hidden="true">›</span>
        </Button>
      </header>
      <CalendarGrid className="calendar__grid">{(date) => <CalendarCell date={date} className="calendar__cell" />}</CalendarGrid>
    </Calendar>
  );
}

/**
 * The popover must live inside an open native <dialog> (our Modal) to be above it in the top layer
 * and outside its inertness; elsewhere it goes to the body.
 */
function usePopoverContainer(rootRef: React.RefObject<HTMLDivElement | null>) {
  const [container, setContainer] = useState<Element | undefined>(undefined);
  const onOpenChange = (open: boolean) => {
    if (open) setContainer(rootRef.current?.closest('dialog') ?? undefined);
  };
  return { container, onOpenChange };
}

function PickerShell({ small, describedBy, container }: { small?: boolean | undefined; describedBy: string | undefined; container: Element | undefined }) {
  return (
    <>
      <Group className={`date-field__group${small ? ' date-field__group--small' : ''}`} aria-describedby={describedBy}>
        <Segments />
        <Button className="date-field__button">
          <CalendarIcon />
        </Button>
      </Group>
      <Popover className="date-popover" placement="bottom start" offset={6} UNSTABLE_portalContainer={container}>
        <Dialog className="date-popover__dialog">
          <CalendarPanel />
        </Dialog>
      </Popover>
    </>
  );
}

/** A calendar date (YYYY-MM-DD or ''), typed segment by segment or picked from a calendar. */
export function DateField(props: DateControlProps) {
  const parts = useFieldParts(props);
  const rootRef = useRootRef(props.fieldRef);
  const { container, onOpenChange } = usePopoverContainer(rootRef);
  const value = toCalendarDate(props.value);
  return (
    <DatePicker<CalendarDate>
      ref={rootRef}
      className={parts.rootClass}
      value={value}
      onChange={(next) => props.onChange(next ? next.toString() : '')}
      onBlur={props.onBlur}
      onOpenChange={onOpenChange}
      isInvalid={parts.isInvalid}
      validationBehavior="aria"
      aria-describedby={parts.describedBy}
      name={props.name}
      autoFocus={props.autoFocus}
      granularity="day"
    >
      {parts.labelElement}
      <PickerShell small={props.small} describedBy={parts.describedBy} container={container} />
      {parts.messages}
    </DatePicker>
  );
}

/** A local date and time to the minute (YYYY-MM-DDTHH:MM or ''), with a calendar for the date. */
export function DateTimeField(props: DateControlProps) {
  const parts = useFieldParts(props);
  const rootRef = useRootRef(props.fieldRef);
  const { container, onOpenChange } = usePopoverContainer(rootRef);
  const value = toDateTime(props.value);
  return (
    <DatePicker<CalendarDateTime>
      ref={rootRef}
      className={parts.rootClass}
      value={value}
      onChange={(next) => props.onChange(next ? `${next.toString().slice(0, 10)}T${timeText(next)}` : '')}
      onBlur={props.onBlur}
      onOpenChange={onOpenChange}
      isInvalid={parts.isInvalid}
      validationBehavior="aria"
      aria-describedby={parts.describedBy}
      name={props.name}
      autoFocus={props.autoFocus}
      granularity="minute"
      placeholderValue={new CalendarDateTime(new Date().getFullYear(), new Date().getMonth() + 1, new Date().getDate(), 9, 0)}
    >
      {parts.labelElement}
      <PickerShell small={props.small} describedBy={parts.describedBy} container={container} />
      {parts.messages}
    </DatePicker>
  );
}

/** A time of day to the minute (HH:MM or ''), 12- or 24-hour as the language writes it. */
export function TimeInputField(props: DateControlProps) {
  const parts = useFieldParts(props);
  const rootRef = useRootRef(props.fieldRef);
  const value = toTime(props.value);
  return (
    <TimeField<Time>
      ref={rootRef}
      className={parts.rootClass}
      value={value}
      onChange={(next) => props.onChange(next ? timeText(next) : '')}
      onBlur={props.onBlur}
      isInvalid={parts.isInvalid}
      validationBehavior="aria"
      aria-describedby={parts.describedBy}
      name={props.name}
      autoFocus={props.autoFocus}
      granularity="minute"
    >
      {parts.labelElement}
      <div className={`date-field__group${props.small ? ' date-field__group--small' : ''}`}>
        <Segments />
      </div>
      {parts.messages}
    </TimeField>
  );
}
