import { issue } from '../../../db/contract/common';

/**
 * The contract's zod schemas carry English messages; the UI shows them in the chosen language.
 * Known custom messages map to keys; messages that state a limit ("At most 200 characters") map to
 * a key with the limit interpolated; zod's own messages map by issue code.
 */
const KNOWN_MESSAGES: Record<string, string> = {
  Required: 'validation.required',
  'Not a valid email address': 'validation.email',
  'Only digits, spaces and + ( ) - . /': 'validation.phoneCharacters',
  'A phone number needs 3 to 20 digits': 'validation.phoneDigits',
  'Use the format YYYY-MM-DD': 'validation.dateFormat',
  'Not a real date': 'validation.realDate',
  'Use a colour like #3366ff': 'validation.colour',
  'Use a three-letter ISO 4217 code such as CNY or USD': 'validation.currency',
  'Use a three-letter currency code such as CNY or USD': 'validation.currency',
  'A repeating task needs a due date': 'validation.repeatNeedsDue',
  'Link the activity to a contact, a company or a deal': 'validation.activityLink',
  'Choose a customer or a deal': 'validation.orderCustomer',
  'Add at least one line': 'validation.orderLines',
  'Amounts are whole minor units (cents, fen)': 'validation.wholeUnits',
  'Use the format YYYY-MM': 'validation.monthFormat',
  'A pipeline needs at least one won and one lost stage': 'validation.pipelineStages',
  'Say why the deal was lost': 'validation.lostReason',
  'Whole numbers only': 'validation.wholeNumber',
  'Whole minutes only': 'validation.wholeMinutes',
  'At most 100 %': 'validation.percentAtMost',
  'Wrong PIN': 'staffValidation.wrongPin',
  'Enter your PIN': 'staffValidation.enterPin',
  'Use 4 to 8 digits': 'staffValidation.pinDigits',
  'At least one active owner must remain': 'staffValidation.lastOwner',
  'Choose someone from the list': 'staffValidation.chooseSomeone',
  [issue.privateNeedsOwner]: 'privacy.needsOwner',
};

/** Messages with a limit in them (db/contract/common.ts `issue`, and a few field-specific ones). */
const LIMIT_MESSAGES: { pattern: RegExp; key: string; name: string }[] = [
  { pattern: /^At most (\d+) characters$/, key: 'validation.maxLength', name: 'max' },
  { pattern: /^Enter a duration of (\d+) minutes or more$/, key: 'validation.durationAtLeast', name: 'min' },
  { pattern: /^At most (\d+) minutes$/, key: 'validation.durationAtMost', name: 'max' },
  { pattern: /^Enter (-?\d+) or more$/, key: 'validation.atLeast', name: 'min' },
  { pattern: /^Enter (-?\d+) or less$/, key: 'validation.atMost', name: 'max' },
  { pattern: /^At most (\d+) minor units$/, key: 'validation.amountTooLarge', name: 'max' },
  // A `count` picks the plural form: "1 minute", "3 minutes".
  { pattern: /^Too many wrong PINs; try again in (\d+) minutes?$/, key: 'staffValidation.tooManyPins', name: 'count' },
];

const BY_ISSUE_CODE: Record<string, string> = {
  too_small: 'validation.required',
  too_big: 'validation.tooLong',
  invalid_format: 'validation.invalidFormat',
  invalid_type: 'validation.invalidValue',
  invalid_value: 'validation.invalidValue',
};

export interface ValidationMessage {
  key: string;
  /** Numbers to interpolate (the limit), already formatted for the UI language by the caller. */
  values?: Record<string, number>;
}

export function validationMessage(message: string | undefined, type: string | undefined): ValidationMessage | null {
  if (message && KNOWN_MESSAGES[message]) return { key: KNOWN_MESSAGES[message] };
  for (const { pattern, key, name } of LIMIT_MESSAGES) {
    const match = message ? pattern.exec(message) : null;
    if (match) return { key, values: { [name]: Number(match[1]) } };
  }
  if (type && BY_ISSUE_CODE[type]) return { key: BY_ISSUE_CODE[type] };
  if (message && /too small|>=1 character|required/i.test(message)) return { key: 'validation.required' };
  if (message && /too big|<=\d+ character/i.test(message)) return { key: 'validation.tooLong' };
  return null;
}

/** The values to translate `known` with: limits formatted for the UI language, but a `count` stays a number so i18next picks its plural form. */
export function messageValues(known: ValidationMessage, formatNumber: (value: number) => string): Record<string, string | number> {
  return Object.fromEntries(Object.entries(known.values ?? {}).map(([name, value]) => [name, name === 'count' ? value : formatNumber(value)]));
}
