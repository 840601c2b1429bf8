import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { USER_ROLES, type StaffMember, type User } from '../../../../../db/contract/system';
import { useTRPC } from '../../../app/trpc';
import { LoadingState } from '../../../app/ui/LoadingState';
import { StaffDialog } from './StaffDialog';

/** Settings › Staff, for owners and managers: who may sign in, with which role and PIN. */
export function StaffSettings({ currentUser }: { currentUser: User }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const staff = useQuery(trpc.system.staff.list.queryOptions());
  const [editing, setEditing] = useState<StaffMember | 'new' | null>(null);
  // Managers manage everyone but owners: they neither edit owners nor make anyone one.
  const isOwner = currentUser.role === 'owner';
  const roles = isOwner ? USER_ROLES : USER_ROLES.filter((role) => role !== 'owner');

  return (
    <section className="card" aria-labelledby="settings-staff">
      <div className="card__header">
        <h2 id="settings-staff" className="card__title">
          {t('staff.title')}
        </h2>
        <button type="button" className="button" onClick={() => setEditing('new')}>
          {t('staff.add')}
        </button>
      </div>
      <p className="field__hint settings__explain">{t('staff.lead')}</p>
      {staff.data ? (
        <table className="simple-table" aria-labelledby="settings-staff">
          <thead>
            <tr>
              <th scope="col">{t('staff.columns.name')}</th>
              <th scope="col">{t('staff.columns.role')}</th>
              <th scope="col">{t('staff.columns.pin')}</th>
              <th scope="col">{t('staff.columns.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.data.map((member) => (
              <tr key={member.id}>
                <td>{member.name}</td>
                <td>{t(`roles.${member.role}`)}</td>
                <td>{member.hasPin ? t('staff.hasPin') : t('staff.noPin')}</td>
                <td>{member.active ? null : <span className="badge">{t('staff.inactive')}</span>}</td>
                <td>
                  {isOwner || member.role !== 'owner' ? (
                    <button type="button" className="button button--small" aria-label={t('staff.edit', { name: member.name })} onClick={() => setEditing(member)}>
                      {t('common.edit')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <LoadingState />
      )}
      {editing ? <StaffDialog member={editing === 'new' ? undefined : editing} roles={roles} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
