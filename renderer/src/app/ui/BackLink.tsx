import { useState } from 'react';
import { Link } from '../Link';
import { previousPage } from '../page-trail';

/**
 * "← Deals": back to the page the user came from, named by that page's title; straight to `to`
 * (the record's own list) when they arrived from outside, such as a fresh window.
 */
export function BackLink({ to, label }: { to: string; label: string }) {
  const [previous] = useState(previousPage);
  return (
    <Link to={previous?.to ?? to} className="back-link">
      ← {previous?.title ?? label}
    </Link>
  );
}
