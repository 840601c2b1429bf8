import type { Contact } from '../../../../../db/contract/people';

export function AddressText({ address }: { address: Contact['address'] }) {
  const lines = [address.street, [address.postalCode, address.city].filter(Boolean).join(' '), [address.region, address.country].filter(Boolean).join(', ')].filter(
    (line): line is string => Boolean(line),
  );
  if (lines.length === 0) return null;
  return (
    <address className="address">
      {lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </address>
  );
}

export function hasAddress(address: Contact['address']): boolean {
  return Object.values(address).some(Boolean);
}
