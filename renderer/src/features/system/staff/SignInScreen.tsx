import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceInfo } from '../../../../../db/contract/system';
import { fieldIssues } from '../../../app/errors';
import { useTRPC } from '../../../app/trpc';
import { Field } from '../../../app/ui/Field';
import { LoadingState } from '../../../app/ui/LoadingState';
import { WelcomeCard } from '../../../app/ui/WelcomeCard';
import { lastUserId, rememberLastUser } from './last-user';

/** "Who are you?": the active staff of this workspace, and the PIN of whoever has one. */
export function SignInScreen({ info }: { info: WorkspaceInfo }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const staff = useQuery(trpc.system.session.staff.queryOptions());
  const [chosen, setChosen] = useState<number | null>(() => lastUserId(info.workspaceId));
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | null>(null);
  const signIn = useMutation({ ...trpc.system.session.signIn.mutationOptions(), meta: { handledErrors: ['VALIDATION'] } });

  const members = staff.data ?? [];
  const selected = members.find((member) => member.id === chosen) ?? members[0];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!selected) return;
    setPinError(null);
    try {
      await signIn.mutateAsync({ userId: selected.id, pin: selected.hasPin ? pin : undefined });
    } catch (error) {
      const issue = fieldIssues(error)[0];
      setPinError(issue?.message ?? 'Wrong PIN');
      void staff.refetch();
      return;
    }
    rememberLastUser(info.workspaceId, selected.id);
    // Everything shown so far was for nobody; the app starts over as the one who signed in.
    await queryClient.invalidateQueries();
  };

  return (
    <WelcomeCard title={t('signIn.title')} lead={t('signIn.lead')}>
        {staff.isPending ? (
          <LoadingState />
        ) : (
          <form className="first-run__setup sign-in__form" aria-label={t('signIn.title')} noValidate onSubmit={(event) => void submit(event)}>
            <fieldset className="sign-in__people">
              <legend className="field__label">{t('signIn.people')}</legend>
              {members.map((member) => (
                <label key={member.id} className="sign-in__person">
                  <input
                    type="radio"
                    name="sign-in-user"
                    value={member.id}
                    checked={selected?.id === member.id}
                    onChange={() => {
                      setChosen(member.id);
                      setPin('');
                      setPinError(null);
                    }}
                  />
                  <span>{member.name}</span>
                  <span className="muted">{t(`roles.${member.role}`)}</span>
                </label>
              ))}
            </fieldset>
            {selected?.hasPin ? (
              <Field label={t('signIn.pin')} error={pinError ? { type: 'server', message: pinError } : undefined}>
                {(control) => (
                  <input
                    className="input"
                    type="password"
                    inputMode="numeric"
                    autoComplete="current-password"
                    autoFocus
                    maxLength={8}
                    value={pin}
                    onChange={(event) => setPin(event.target.value)}
                    {...control}
                  />
                )}
              </Field>
            ) : null}
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={!selected || signIn.isPending}>
                {t('signIn.submit')}
              </button>
            </div>
          </form>
        )}
    </WelcomeCard>
  );
}
