import type { ReactNode } from 'react';
import { ThemeToggle } from '../ThemeToggle';

/** The full-page card that greets a person before the app: first run and "Who are you?". */
export function WelcomeCard({ title, lead, children }: { title: string; lead: string; children: ReactNode }) {
  return (
    <main className="first-run">
      <div className="first-run__controls">
        <ThemeToggle />
      </div>
      <div className="first-run__card">
        <span className="first-run__logo" aria-hidden="true">
          R
        </span>
        <h1 className="first-run__title">{title}</h1>
        <p className="first-run__lead">{lead}</p>
        {children}
      </div>
    </main>
  );
}
