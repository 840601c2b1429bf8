import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MergeShape } from '../../../../../db/contract/merge';
import { RECURRENCE_UNITS, TASK_PRIORITIES, type Task, type TaskCreateInput } from '../../../../../db/contract/work';
import { setServerErrors } from '../../../app/form-server-errors';
import { useMergingSave } from '../../../app/merge/use-merging-save';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { DateField, DateTimeField, TimeInputField } from '../../../app/ui/DateFields';
import { Field } from '../../../app/ui/Field';
import { FormDialog } from '../../../app/ui/FormDialog';
import { useWorkspace } from '../../../app/use-workspace';
import { OwnerSelect } from '../../people/shared/OwnerSelect';
import { RecordPicker, type RecordChoice } from '../../system/search/RecordPicker';
import { useFieldValueFormatter } from '../../people/shared/use-field-value-formatter';
import { emptyTaskForm, formValuesToTaskInput, REMINDER_CHOICES, taskFormResolver, taskLink, taskToFormValues, type TaskFormValues } from './task-form-values';

type TaskInput = TaskCreateInput;

/** A task is linked to one record: which contact, company or deal is one choice. */
const TASK_MERGE: MergeShape = { groups: [['contactId', 'companyId', 'dealId']] };
const TASK_LABELS: Record<string, string> = { contactId: 'link', assigneeId: 'assignee', dueAt: 'dueDate', recurrence: 'repeat' };

export interface TaskDialogProps {
  /** Edit this task; without it the dialog creates one. */
  task?: Task;
  /** The record a new task is about (prefilled from the page it was opened on). */
  link?: RecordChoice | null;
  onClose: () => void;
}

const SERVER_FIELDS: Record<string, FieldPath<TaskFormValues>> = {
  dueAt: 'dueDate',
  remindAt: 'reminder',
  'recurrence.every': 'every',
  recurrence: 'every',
  title: 'title',
  notes: 'notes',
  assigneeId: 'assigneeId',
  priority: 'priority',
};

/** Create or edit a task: title, due date and time, reminder, assignee, priority, linked record, repeat. */
export function TaskDialog({ task: liveTask, link = null, onClose }: TaskDialogProps) {
  // The form edits the task as it was when the dialog opened (the list may refresh it meanwhile): a save
  // names that version, so someone else's save in between is merged instead of silently undone.
  const [task] = useState(liveTask);
  const { t } = useTranslation();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const formatValue = useFieldValueFormatter();
  const users = useQuery({ ...trpc.system.users.list.queryOptions(), staleTime: 60_000 });
  const messages = { needDate: t('tasks.needDate'), reminderNeedsDue: t('tasks.reminderNeedsDue'), invalidDate: t('validation.invalidValue') };
  const form = useForm<TaskFormValues>({
    resolver: taskFormResolver(messages),
    defaultValues: task ? taskToFormValues(task) : emptyTaskForm(link, workspace?.currentUser?.id ?? null),
    mode: 'onTouched',
  });
  const { register, handleSubmit, formState, setError, control } = form;
  const { errors, isSubmitting } = formState;
  const create = useMutation({ ...trpc.work.tasks.create.mutationOptions(), meta: { handledErrors: ['VALIDATION'] } });
  const update = useMutation({ ...trpc.work.tasks.update.mutationOptions(), meta: { handledErrors: ['VALIDATION', 'CONFLICT'] } });
  const remove = useMutation(trpc.work.tasks.remove.mutationOptions());
  const reminder = useWatch({ control, name: 'reminder' });
  const repeat = useWatch({ control, name: 'repeat' });

  // The picker's name for my linked record: the form knows it, the ids do not.
  const [picked, setPicked] = useState<TaskFormValues | null>(null);
  const merging = useMergingSave<Task, TaskInput>({
    toInput: (row) => formValuesToTaskInput(taskToFormValues(row), messages).input,
    shape: TASK_MERGE,
    update: (version, patch) => update.mutateAsync({ id: task!.id, version, patch }),
    titles: { merge: t('tasks.mergeTitle'), deleted: t('tasks.mergeTitle') },
    label: ({ unit }) => t(`tasks.fields.${TASK_LABELS[unit] ?? unit}`, { defaultValue: unit }),
    describe: ({ unit }, values, side, current) => {
      if (unit === 'contactId') return (side === 'theirs' ? taskLink(current)?.name : picked?.link?.name) ?? t('common.none');
      if (unit === 'assigneeId') return users.data?.find((user) => user.id === values.assigneeId)?.name ?? t('tasks.unassigned');
      if (unit === 'recurrence') return values.recurrence ? `${values.recurrence.every} ${t(`tasks.units.${values.recurrence.unit}`)}` : t('common.none');
      return formatValue(unit, values[unit as keyof TaskInput], { kind: 'task' });
    },
    titleOf: (values) => values.title.trim(),
    savedToast: (values) => ({ key: 'tasks.saved', values: { title: values.title.trim() } }),
    onDone: onClose,
  });

  const submit = handleSubmit(async (values) => {
    const { input } = formValuesToTaskInput(values, messages);
    try {
      if (task) {
        setPicked(values);
        // Closes the dialog itself once saved (or merged with someone else's save).
        await merging.save(task, input);
        return;
      }
      await create.mutateAsync(input);
      showToast({ tone: 'success', message: { key: 'tasks.created', values: { title: values.title.trim() } } });
      onClose();
    } catch (error) {
      setServerErrors(error, setError, (path) => SERVER_FIELDS[path]);
    }
  });

  async function deleteTask() {
    const current = liveTask ?? task;
    if (!current) return;
    await remove.mutateAsync({ id: current.id, version: current.version });
    showToast({ message: { key: 'tasks.deleted', values: { title: current.title } } });
    onClose();
  }

  const title = task ? t('tasks.editTitle') : t('tasks.newTitle');
  const busy = isSubmitting || remove.isPending;
  return (
    <>
      <FormDialog
        title={title}
        onClose={onClose}
        busy={busy}
        submitting={isSubmitting}
        editing={task !== undefined}
        createLabel={t('tasks.create')}
        onDelete={task !== undefined ? deleteTask : undefined}
        onSubmit={submit}
        formError={errors.root?.server?.message}
      >
        <Field label={t('tasks.fields.title')} error={errors.title} className="form-grid__wide">
          {(fieldControl) => <input className="input" autoComplete="off" {...fieldControl} {...register('title')} />}
        </Field>
        <Controller
          control={control}
          name="dueDate"
          render={({ field }) => <DateField label={t('tasks.fields.dueDate')} error={errors.dueDate} value={field.value} onChange={field.onChange} onBlur={field.onBlur} fieldRef={field.ref} />}
        />
        <Controller
          control={control}
          name="dueTime"
          render={({ field }) => (
            <TimeInputField label={t('tasks.fields.dueTime')} error={errors.dueTime} hint={t('tasks.dueTimeHint')} value={field.value} onChange={field.onChange} onBlur={field.onBlur} fieldRef={field.ref} />
          )}
        />
        <Field label={t('tasks.fields.reminder')} error={errors.reminder}>
          {(fieldControl) => (
            <select className="select" {...fieldControl} {...register('reminder')}>
              {REMINDER_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`tasks.reminders.${choice}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {reminder === 'custom' ? (
          <Controller
            control={control}
            name="remindAt"
            render={({ field }) => <DateTimeField label={t('tasks.fields.remindAt')} error={errors.remindAt} value={field.value} onChange={field.onChange} onBlur={field.onBlur} fieldRef={field.ref} />}
          />
        ) : (
          <div aria-hidden="true" />
        )}
        <Field label={t('tasks.fields.assignee')} error={errors.assigneeId}>
          {(fieldControl) => <OwnerSelect emptyLabel={t('tasks.unassigned')} {...fieldControl} {...register('assigneeId')} />}
        </Field>
        <Field label={t('tasks.fields.priority')} error={errors.priority}>
          {(fieldControl) => (
            <select className="select" {...fieldControl} {...register('priority')}>
              {TASK_PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {t(`tasks.priorities.${priority}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('tasks.fields.link')} error={errors.link as any} className="form-grid__wide">
          {(fieldControl) => (
            <Controller
              control={control}
              name="link"
              render={({ field }) => (
                <RecordPicker
                  kinds={['contact', 'company', 'deal']}
                  id={fieldControl.id}
                  aria-invalid={fieldControl['aria-invalid']}
                  aria-describedby={fieldControl['aria-describedby']}
                  placeholder={t('tasks.linkPlaceholder')}
                  value={field.value}
                  onChange={field.onChange}
                />
              )}
            />
          )}
        </Field>
        <div className="form-grid__wide repeat-row">
          <label className="checkbox-row">
            <input type="checkbox" {...register('repeat')} />
            <span>{t('tasks.fields.repeat')}</span>
          </label>
          {repeat ? (
            <>
              <Field label={t('tasks.fields.every')} error={errors.every}>
                {(fieldControl) => <input className="input input--tiny" type="number" min={1} max={365} step={1} {...fieldControl} {...register('every')} />}
              </Field>
              <Field label={t('tasks.fields.unit')} error={errors.unit}>
                {(fieldControl) => (
                  <select className="select" {...fieldControl} {...register('unit')}>
                    {RECURRENCE_UNITS.map((unit) => (
                      <option key={unit} value={unit}>
                        {t(`tasks.units.${unit}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </>
          ) : null}
        </div>
        <Field label={t('tasks.fields.notes')} error={errors.notes} className="form-grid__wide">
          {(fieldControl) => <textarea className="textarea" rows={2} {...fieldControl} {...register('notes')} />}
        </Field>
      </FormDialog>
      {merging.dialog}
    </>
  );
}
