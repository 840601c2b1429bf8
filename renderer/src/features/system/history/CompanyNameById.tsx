import { useQuery } from '@tanstack/react-query';
import { Link } from '../../../app/Link';
import { useTRPC } from '../../../app/trpc';

/** A company named in an old audit entry: its current name if it still exists, else its number. */
export function CompanyNameById({ id }: { id: number }) {
  const trpc = useTRPC();
  const company = useQuery({ ...trpc.people.companies.get.queryOptions({ id }), staleTime: 60_000, meta: { silent: true }, retry: false });
  return <Link to={`/companies/${id}`}>{company.data?.name ?? `#${id}`}</Link>;
}
