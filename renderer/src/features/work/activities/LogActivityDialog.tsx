import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { Controller, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_CHANNELS, ACTIVITY_DIRECTIONS, type Activity, type ActivityChannel } from '../../../../../db/contract/work';
import { fieldIssues } from '../../../app/errors';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { DateTimeField } from '../../../app/ui/DateFields';
import { Field } from '../../../app/ui/Field';
import { FormDialog } from '../../../app/ui/FormDialog';
import { directionLabelKey } from './direction-label';
import {
  activityFormResolver,
  activityToFormValues,
  emptyActivityForm,
  formValuesToActivityInput,
  type ActivityFormValues,
  type ActivityLinks,
} from './activity-form-values';

export interface LogActivityDialogProps {
  links: ActivityLinks;
  /** Who or what the activity is about, shown in the title and the default subject. */
  recordName: string;
  channel?: ActivityChannel;
  /** When given, the dialog edits this activity instead of logging a new one. */
  activity?: Activity;
  onClose: () => void;
  /** After a new activity is logged (the caller may remember the channel). */
  onLogged?: (channel: ActivityChannel) => void;
}

const OUTCOMES = ['reached', 'voicemail', 'noAnswer', 'interested', 'notInterested', 'followUp'] as const;

/** The compact "log a touchpoint" form: channel, direction, subject, outcome, duration, when, notes. */
export function LogActivityDialog({ links, recordName, channel = 'call', activity, onClose, onLogged }: LogActivityDialogProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const outcomesId = useId();
  const defaultSubject = (value: ActivityChannel) => t(`activity.defaultSubject.${value}`, { name: recordName });
  const form = useForm<ActivityFormValues>({
    resolver: activityFormResolver(links),
    defaultValues: activity ? activityToFormValues(activity) : emptyActivityForm(channel, defaultSubject(channel)),
    mode: 'onTouched',
  });
  const { register, handleSubmit, formState, setError, setValue, getValues } = form;
  const { errors, isSubmitting } = formState;
  const create = useMutation({ ...trpc.work.activities.create.mutationOptions(), meta: { handledErrors: ['VALIDATION'] } });
  const update = useMutation({ ...trpc.work.activities.update.mutationOptions(), meta: { handledErrors: ['VALIDATION'] } });
  const chosenChannel = useWatch({ control: form.control, name: 'channel' });

  const submit = handleSubmit(async (values) => {
    const input = formValuesToActivityInput(values, links);
    // Left at its default, "when" means now: the core stamps it to the millisecond (the input only has minutes).
    if (!activity && !formState.dirtyFields.when) delete input.occurredAt;
    try {
      if (activity) {
        const { contactId: _c, companyId: _o, dealId: _d, ...patch } = input;
        await update.mutateAsync({ id: activity.id, version: activity.version, patch });
        showToast({ tone: 'success', message: { key: 'activity.saved' } });
      } else {
        await create.mutateAsync(input);
        onLogged?.(values.channel);
        showToast({ tone: 'success', message: { key: 'activity.logged', values: { subject: values.subject.trim() } } });
      }
      onClose();
    } catch (error) {
      const issues = fieldIssues(error);
      if (issues.length === 0) return;
      for (const issue of issues) {
        const field = ({ durationMinutes: 'duration', occurredAt: 'when' } as Record<string, string>)[issue.path] ?? issue.path;
        if (field in values) setError(field as FieldPath<ActivityFormValues>, { type: 'server', message: issue.message }, { shouldFocus: true });
        else setError('root.server', { type: 'server', message: issue.message });
      }
    }
  });

  const channelField = register('channel', {
    onChange: (event: { target: { value: ActivityChannel } }) => {
      // Keep the suggested subject in step with the channel until the user writes their own.
      const previous = ACTIVITY_CHANNELS.find((value) => getValues('subject') === defaultSubject(value));
      if (previous && !activity) setValue('subject', defaultSubject(event.target.value));
    },
  });

  const title = activity ? t('activity.editTitle') : t(chosenChannel === 'call' ? 'activity.logCallTitle' : 'activity.logTitle', { name: recordName });
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      busy={isSubmitting}
      submitting={isSubmitting}
      editing={activity !== undefined}
      createLabel={t('activity.logSubmit')}
      onSubmit={submit}
      formError={errors.root?.server?.message}
    >
      <Field label={t('activity.channel')} error={errors.channel}>
        {(control) => (
          <select className="select" {...control} {...channelField}>
            {ACTIVITY_CHANNELS.map((value) => (
              <option key={value} value={value}>
                {t(`channels.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('activity.direction')} error={errors.direction}>
        {(control) => (
          <select className="select" {...control} {...register('direction')}>
            <option value="">{t('common.none')}</option>
            {ACTIVITY_DIRECTIONS.map((value) => (
              <option key={value} value={value}>
                {t(directionLabelKey(chosenChannel, value))}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('activity.subject')} error={errors.subject} className="form-grid__wide">
        {(control) => <input className="input" autoComplete="off" {...control} {...register('subject')} />}
      </Field>
      <Field label={t('activity.outcome')} error={errors.outcome}>
        {(control) => <input className="input" autoComplete="off" list={`${outcomesId}-outcomes`} {...control} {...register('outcome')} />}
      </Field>
      <datalist id={`${outcomesId}-outcomes`}>
        {OUTCOMES.map((outcome) => (
          <option key={outcome} value={t(`activity.outcomes.${outcome}`)} />
        ))}
      </datalist>
      <Field label={t('activity.duration')} error={errors.duration}>
        {(control) => <input className="input" type="number" min={0} max={1440} step={1} inputMode="numeric" {...control} {...register('duration')} />}
      </Field>
      <Controller
        control={form.control}
        name="when"
        render={({ field }) => (
          <DateTimeField label={t('activity.when')} error={errors.when} className="form-grid__wide" value={field.value} onChange={field.onChange} onBlur={field.onBlur} fieldRef={field.ref} />
        )}
      />
      <Field label={t('activity.notes')} error={errors.body} className="form-grid__wide">
        {(control) => (
          <textarea
            className="textarea"
            rows={3}
            {...control}
            {...register('body')}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void submit();
              }
            }}
          />
        )}
      </Field>
    </FormDialog>
  );
}
