import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { companyCreate, type Company, type CompanyCreate, type CompanyCreateInput } from '../../../../../db/contract/people';

/** What the form's inputs hold: strings ('' = none). */
export interface CompanyFormValues {
  name: string;
  industry: string;
  website: string;
  email: string;
  phone: string;
  address: { street: string; city: string; region: string; postalCode: string; country: string };
  ownerId: string;
  isPrivate: boolean;
}

export const EMPTY_COMPANY_FORM: CompanyFormValues = {
  name: '',
  industry: '',
  website: '',
  email: '',
  phone: '',
  address: { street: '', city: '', region: '', postalCode: '', country: '' },
  ownerId: '',
  isPrivate: false,
};

export function companyToFormValues(company: Company): CompanyFormValues {
  return {
    name: company.name,
    industry: company.industry ?? '',
    website: company.website ?? '',
    email: company.email ?? '',
    phone: company.phone ?? '',
    address: {
      street: company.address.street ?? '',
      city: company.address.city ?? '',
      region: company.address.region ?? '',
      postalCode: company.address.postalCode ?? '',
      country: company.address.country ?? '',
    },
    ownerId: company.ownerId ? String(company.ownerId) : '',
    isPrivate: company.isPrivate,
  };
}

export function formValuesToCompanyInput(values: CompanyFormValues): Omit<CompanyCreateInput, 'tagIds'> {
  return {
    name: values.name,
    industry: values.industry,
    website: values.website,
    email: values.email.trim() === '' ? null : values.email,
    phone: values.phone.trim() === '' ? null : values.phone,
    address: values.address,
    ownerId: values.ownerId ? Number(values.ownerId) : null,
    isPrivate: values.isPrivate,
  };
}

const contractResolver = zodResolver(companyCreate);

/** Validates with the contract's own `companyCreate` schema. */
export const companyFormResolver: Resolver<CompanyFormValues, unknown, CompanyCreate> = (values, context, options) =>
  contractResolver(formValuesToCompanyInput(values), context, options as any) as any;
