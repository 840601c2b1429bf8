import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../app/trpc';

/**
 * "Sign out / switch user", shown when there is someone to switch to or a PIN to protect: with one
 * user and no PIN the workspace signs that user in by itself, so signing out would change nothing.
 */
export function SwitchUserButton() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const staff = useQuery(trpc.system.session.staff.queryOptions());
  const signOut = useMutation({
    ...trpc.system.session.signOut.mutationOptions(),
    // Nobody is signed in now: the gate shows "Who are you?" at once, unmounting the app, so nothing
    // refetches as nobody; the next sign-in refetches everything.
    onSuccess: () => queryClient.setQueryData(trpc.system.workspace.info.queryKey(), (info) => (info ? { ...info, currentUser: null } : info)),
  });
  const members = staff.data ?? [];
  if (members.length < 2 && !members.some((member) => member.hasPin)) return null;
  return (
    <button type="button" className="button button--ghost sidebar__switch-user" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
      {t('signIn.switchUser')}
    </button>
  );
}
