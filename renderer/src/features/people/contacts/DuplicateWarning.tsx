import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/Link';
import { useTRPC } from '../../../app/trpc';
import { useDebouncedValue } from '../../../app/use-debounced-value';

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Non-blocking: tells the user an existing contact already has this email or phone. */
export function DuplicateWarning({
  emails,
  phones,
  excludeId,
}: {
  emails: { value: string }[] | undefined;
  phones: { value: string }[] | undefined;
  excludeId?: number;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const draft = useDebouncedValue(
    JSON.stringify({
      emails: (emails ?? []).map((email) => email.value.trim()).filter((value) => LOOKS_LIKE_EMAIL.test(value)),
      phones: (phones ?? []).map((phone) => phone.value.trim()).filter((value) => value.replace(/\D/g, '').length >= 5),
    }),
    300,
  );
  const input = JSON.parse(draft) as { emails: string[]; phones: string[] };
  const matches = useQuery({
    ...trpc.people.contacts.duplicates.queryOptions({ ...input, excludeId }),
    enabled: input.emails.length + input.phones.length > 0,
    meta: { silent: true },
  });
  const found = matches.data ?? [];
  if (found.length === 0 || input.emails.length + input.phones.length === 0) return null;
  return (
    <div className="callout callout--warning" role="status">
      <p className="callout__title">{t('duplicates.title')}</p>
      <ul className="callout__list">
        {found.map((match) => (
          <li key={`${match.contactId}-${match.field}-${match.matched}`}>
            {t(match.field === 'email' ? 'duplicates.email' : 'duplicates.phone', { value: match.matched })}{' '}
            {match.contactId !== null && match.name !== null ? <Link to={`/contacts/${match.contactId}`}>{match.name}</Link> : t('privacy.hiddenContact')}
          </li>
        ))}
      </ul>
    </div>
  );
}
