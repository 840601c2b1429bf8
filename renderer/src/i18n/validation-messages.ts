/**
 * The contract's zod schemas carry English messages; the UI shows them in the chosen language.
 * Known custom messages map to keys; zod's own messages map by issue code.
 */
const KNOWN_MESSAGES: Record<string, string> = {
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
};

const BY_ISSUE_CODE: Record<string, string> = {
  too_small: 'validation.required',
  too_big: 'validation.tooLong',
  invalid_format: 'validation.invalidFormat',
  invalid_type: 'validation.invalidValue',
  invalid_value: 'validation.invalidValue',
};

export function validationMessageKey(message: string | undefined, type: string | undefined): string | null {
  if (message && KNOWN_MESSAGES[message]) return KNOWN_MESSAGES[message];
  if (type && BY_ISSUE_CODE[type]) return BY_ISSUE_CODE[type];
  if (message && /too small|>=1 character|required/i.test(message)) return 'validation.required';
  if (message && /too big|<=\d+ character/i.test(message)) return 'validation.tooLong';
  return null;
}
