import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { USER_ROLES, pin, type StaffMember, type UserRole } from '../../../../../db/contract/system';
import { requiredText } from '../../../../../db/contract/common';
import { setServerErrors } from '../../../app/form-server-errors';
import { useMergingSave } from '../../../app/merge/use-merging-save';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { Field } from '../../../app/ui/Field';
import { FormDialog } from '../../../app/ui/FormDialog';
import { useFieldValueFormatter } from '../../people/shared/use-field-value-formatter';

/** The dialog's fields: an empty PIN means none (new) or keep (edit), so it is checked only when typed. */
const staffForm = z.object({
  name: requiredText(100),
  role: z.enum(USER_ROLES),
  pin: z.union([z.literal(''), pin]),
  clearPin: z.boolean(),
  active: z.boolean(),
});
type StaffFormValues = z.infer<typeof staffForm>;

/** What an update can change; a PIN is never read back, so only a PIN typed here (or cleared) counts as a change. */
interface StaffInput extends Record<string, unknown> {
  name: string;
  role: UserRole;
  active: boolean;
  pin?: string | null;
}

function staffInput(member: StaffMember): StaffInput {
  return { name: member.name, role: member.role, active: member.active, pin: undefined };
}

const SERVER_FIELDS: Record<string, FieldPath<StaffFormValues>> = { name: 'name', role: 'role', pin: 'pin', active: 'active' };

/** Add or edit a staff member: name, role, PIN (set, change or remove) and whether they may sign in. */
export function StaffDialog({ member, roles, onClose }: { member?: StaffMember; roles: readonly UserRole[]; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const formatValue = useFieldValueFormatter();
  const { register, handleSubmit, formState, setError, control } = useForm<StaffFormValues>({
    resolver: zodResolver(staffForm),
    defaultValues: { name: member?.name ?? '', role: member?.role ?? 'staff', pin: '', clearPin: false, active: member?.active ?? true },
    mode: 'onTouched',
  });
  const { errors, isSubmitting } = formState;
  const clearPin = useWatch({ control, name: 'clearPin' });
  const create = useMutation({ ...trpc.system.staff.create.mutationOptions(), meta: { handledErrors: ['VALIDATION'] } });
  const update = useMutation({ ...trpc.system.staff.update.mutationOptions(), meta: { handledErrors: ['VALIDATION', 'CONFLICT'] } });

  const merging = useMergingSave<StaffMember, StaffInput>({
    toInput: staffInput,
    update: (version, patch) => update.mutateAsync({ id: member!.id, version, ...patch }),
    titles: { merge: t('staff.mergeTitle'), deleted: t('staff.mergeTitle') },
    label: ({ unit }) => t(`staff.${unit}`),
    describe: ({ unit }, values) => (unit === 'role' ? t(`roles.${values.role}`) : formatValue(unit, values[unit as keyof StaffInput])),
    titleOf: (values) => values.name,
    savedToast: (values) => ({ key: 'staff.saved', values: { name: values.name } }),
    onDone: onClose,
  });

  const submit = handleSubmit(async (values) => {
    const name = values.name.trim();
    try {
      if (member) {
        // Closes the dialog itself once saved (or merged with someone else's save).
        await merging.save(member, { name, role: values.role, active: values.active, pin: values.clearPin ? null : values.pin || undefined });
        return;
      }
      await create.mutateAsync({ name, role: values.role, pin: values.pin || undefined });
      showToast({ tone: 'success', message: { key: 'staff.created', values: { name } } });
      onClose();
    } catch (error) {
      setServerErrors(error, setError, (path) => SERVER_FIELDS[path]);
    }
  });

  return (
    <>
      <FormDialog
        title={member ? t('staff.editTitle', { name: member.name }) : t('staff.addTitle')}
        onClose={onClose}
        busy={isSubmitting}
        submitting={isSubmitting}
        editing={member !== undefined}
        createLabel={t('staff.add')}
        onSubmit={submit}
        formError={errors.root?.server?.message}
      >
        <Field label={t('staff.name')} error={errors.name} className="form-grid__wide">
          {(fieldControl) => <input className="input" autoComplete="off" maxLength={100} {...fieldControl} {...register('name')} />}
        </Field>
        <Field label={t('staff.role')} error={errors.role} className="form-grid__wide">
          {(fieldControl) => (
            <select className="select" {...fieldControl} {...register('role')}>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)} — {t(`staff.roleHints.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {clearPin ? null : (
          <Field label={t('staff.pin')} error={errors.pin} hint={member?.hasPin ? t('staff.pinKeepHint') : t('staff.pinHint')}>
            {(fieldControl) => <input className="input" type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} {...fieldControl} {...register('pin')} />}
          </Field>
        )}
        {member?.hasPin ? (
          <div className="field field--checkbox">
            <label className="checkbox-row">
              <input type="checkbox" {...register('clearPin')} />
              <span>{t('staff.clearPin')}</span>
            </label>
          </div>
        ) : null}
        {member ? (
          <Field label={t('staff.active')} error={errors.active} className="field--checkbox">
            {(fieldControl) => <input type="checkbox" {...fieldControl} {...register('active')} />}
          </Field>
        ) : null}
      </FormDialog>
      {merging.dialog}
    </>
  );
}
