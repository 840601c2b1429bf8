import { defineRecordKindView } from '../../app/record-kind';
import { CompanyPage } from './companies/CompanyPage';
import { ContactPage } from './contacts/ContactPage';

export const contactView = defineRecordKindView({ icon: 'person', home: '/contacts', Page: ContactPage });
export const companyView = defineRecordKindView({ icon: 'building', home: '/companies', Page: CompanyPage });
export const noteView = defineRecordKindView({ icon: 'note', home: null });
