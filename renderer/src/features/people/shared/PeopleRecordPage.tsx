import { useCanWrite } from '../../../app/use-can-write';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagRef } from '../../../../../db/contract/people';
import { refreshAfterWrite } from '../../../app/live-refresh/live-refresh';
import { navigate } from '../../../app/router';
import { showErrorToast } from '../../../app/show-error-toast';
import { showToast } from '../../../app/toast-store';
import { BackLink } from '../../../app/ui/BackLink';
import { Icon } from '../../../app/ui/Icon';
import { PageHeader } from '../../../app/ui/PageHeader';
import { HistoryPanel } from '../../system/history/HistoryPanel';
import { TasksPanel } from '../../work/tasks/TasksPanel';
import { TagEditor } from '../tags/TagEditor';
import { DeleteRecordButton } from './DeleteRecordButton';

export interface PeopleRecordPageProps {
  kind: 'contact' | 'company';
  record: { id: number; name: string; version: number; tags: TagRef[] };
  avatarClassName: string;
  title: ReactNode;
  subtitle?: string;
  /** While the record is being edited its header actions are hidden and its tags are read-only. */
  editing: boolean;
  onEdit: () => void;
  /** Header actions between Edit and Delete. */
  extraActions?: ReactNode;
  removing: boolean;
  remove: (input: { id: number; version: number }) => Promise<unknown>;
  restore: (input: { id: number }) => Promise<unknown>;
  /** The main column: details or edit panel and the record's panels. */
  children: ReactNode;
  /** After the layout: dialogs the page opens. */
  after?: ReactNode;
}

/** A contact's or company's page: back link, header with Edit and Delete (to Trash, with Undo), main column, and tags, tasks and history beside it. */
export function PeopleRecordPage({ kind, record, avatarClassName, title, subtitle, editing, onEdit, extraActions, removing, remove, restore, children, after }: PeopleRecordPageProps) {
  const canWrite = useCanWrite();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const listPath = kind === 'contact' ? '/contacts' : '/companies';

  async function moveToTrash() {
    await remove({ id: record.id, version: record.version });
    navigate(listPath);
    showToast({
      message: { key: `${kind}.deleted`, values: { name: record.name } },
      action: {
        label: { key: 'common.undo' },
        run: () => {
          void restore({ id: record.id })
            .then(async () => {
              await refreshAfterWrite(queryClient);
              showToast({ tone: 'success', message: { key: `${kind}.restored`, values: { name: record.name } } });
              navigate(`${listPath}/${record.id}`);
            })
            .catch(showErrorToast);
        },
      },
    });
  }

  return (
    <div className="record-page">
      <BackLink to={listPath} label={t(kind === 'contact' ? 'nav.contacts' : 'nav.companies')} />
      <PageHeader
        leading={
          <span className={avatarClassName} aria-hidden="true">
            {record.name.slice(0, 1)}
          </span>
        }
        title={title}
        subtitle={subtitle}
        actions={
          editing || !canWrite ? null : (
            <>
              <button type="button" className="button" onClick={onEdit}>
                <Icon name="edit" />
                <span>{t('common.edit')}</span>
              </button>
              {extraActions}
              <DeleteRecordButton kind={kind} id={record.id} name={record.name} busy={removing} onDelete={moveToTrash} />
            </>
          )
        }
      />
      <div className="record-layout">
        <div className="record-layout__main">{children}</div>
        <aside className="record-layout__side">
          <section className="card" aria-labelledby={`${kind}-tags-title`}>
            <h2 id={`${kind}-tags-title`} className="card__title">
              {t('fields.tags')}
            </h2>
            <TagEditor kind={kind} recordId={record.id} recordName={record.name} tags={record.tags} readOnly={editing || !canWrite} />
          </section>
          <TasksPanel target={{ kind, id: record.id }} recordName={record.name} />
          <HistoryPanel kind={kind} id={record.id} />
        </aside>
      </div>
      {after}
    </div>
  );
}
