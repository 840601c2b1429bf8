import { i18n } from '../../../i18n';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { parseMoney } from '../../../../../db/contract/money';
import type { CONTACT_SOURCES } from '../../../../../db/contract/people';
import { dealCreate, type Deal, type DealCreateInput } from '../../../../../db/contract/sales';
import { minorToInput } from '../../../app/use-money';
import type { RecordChoice } from '../../system/search/RecordPicker';
import type { AmountMessage } from '../../../app/use-money';

export interface DealFormValues {
  title: string;
  contact: RecordChoice | null;
  company: RecordChoice | null;
  amount: string;
  currency: string;
  expectedCloseDate: string;
  ownerId: string;
  isPrivate: boolean;
  source: string;
  pipelineId: string;
  stageId: string;
  probability: string;
  description: string;
}

export function emptyDealForm(defaults: Partial<DealFormValues>): DealFormValues {
  return {
    title: '',
    contact: null,
    company: null,
    amount: '',
    currency: 'CNY',
    expectedCloseDate: '',
    ownerId: '',
    isPrivate: false,
    source: '',
    pipelineId: '',
    stageId: '',
    probability: '',
    description: '',
    ...defaults,
  };
}

export function dealToFormValues(deal: Deal): DealFormValues {
  return {
    title: deal.title,
    contact: deal.contactId ? { kind: 'contact', id: deal.contactId, name: deal.contactName ?? i18n.t('privacy.hiddenRecord') } : null,
    company: deal.companyId ? { kind: 'company', id: deal.companyId, name: deal.companyName ?? i18n.t('privacy.hiddenRecord') } : null,
    amount: deal.amountMinor === 0 ? '' : minorToInput(deal.amountMinor, deal.currency),
    currency: deal.currency,
    expectedCloseDate: deal.expectedCloseDate ?? '',
    ownerId: deal.ownerId ? String(deal.ownerId) : '',
    isPrivate: deal.isPrivate,
    source: deal.source ?? '',
    pipelineId: String(deal.pipelineId),
    stageId: String(deal.stageId),
    probability: deal.probabilityOverride === null ? '' : String(deal.probabilityOverride),
    description: deal.description ?? '',
  };
}

/** Form values → the contract's input; the amount is parsed exactly (null when it is not an amount). */
export function formValuesToDealInput(values: DealFormValues): { input: DealCreateInput; amountValid: boolean } {
  const currency = values.currency.trim().toUpperCase();
  const amountMinor = parseMoney(values.amount.trim() || '0', currency);
  const probability = values.probability.trim();
  return {
    amountValid: amountMinor !== null,
    input: {
      title: values.title,
      contactId: values.contact?.id ?? null,
      companyId: values.company?.id ?? null,
      amountMinor: amountMinor ?? 0,
      currency,
      expectedCloseDate: values.expectedCloseDate || null,
      ownerId: values.ownerId ? Number(values.ownerId) : null,
      isPrivate: values.isPrivate,
      source: (values.source || null) as (typeof CONTACT_SOURCES)[number] | null,
      stageId: Number(values.stageId),
      probability: probability === '' ? null : Number(probability),
      description: values.description,
    },
  };
}

const FIELD_OF_PATH: Record<string, keyof DealFormValues> = { amountMinor: 'amount', contactId: 'contact', companyId: 'company' };

export function dealFormResolver(amountMessage: AmountMessage): Resolver<DealFormValues> {
  const contract = zodResolver(dealCreate);
  return async (values, context, options) => {
    const { input, amountValid } = formValuesToDealInput(values);
    const result = await contract(input, context, options as any);
    const errors = { ...(result.errors as Record<string, any>) };
    for (const [path, field] of Object.entries(FIELD_OF_PATH)) {
      if (errors[path]) {
        errors[field] = errors[path];
        delete errors[path];
      }
    }
    if (!amountValid) errors.amount = { type: 'custom', message: amountMessage(values.amount, input.currency) };
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}
