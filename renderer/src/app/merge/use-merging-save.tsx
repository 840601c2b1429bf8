import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { changedFieldsOf, mergeThreeWay, resolveMerge, type MergeChoice, type MergeConflict, type MergeResult, type MergeShape } from '../../../../db/contract/merge';
import { errorMessageKeyOf, rapportErrorOf } from '../errors';
import { showToast, type ToastMessage } from '../toast-store';
import { useTRPC } from '../trpc';
import { MergeDialog } from './MergeDialog';
import { RecordDeletedDialog } from './RecordDeletedDialog';

/** What a CONFLICT's current row must carry for a merge: its version, and who changed or deleted it. */
export interface VersionedRow {
  version: number;
  updatedBy?: number | null;
  deletedAt?: number | null;
}

type Input = Record<string, unknown>;

export interface MergingSaveOptions<Row extends VersionedRow, Values extends Input> {
  /** A record as the update's input (base and theirs both go through this, so they compare with mine). */
  toInput: (row: Row) => Values;
  shape?: MergeShape;
  /** Sends one update; a stale version rejects with CONFLICT carrying the current row. */
  update: (version: number, patch: Partial<Values>) => Promise<unknown>;
  /** Brings the record back from the Trash; without it a deletion by someone else ends the edit with a toast. */
  restore?: () => Promise<{ version: number }>;
  /** The dialog's texts: its titles, a unit's label, and a unit's value on either side. */
  titles: { merge: string; deleted: string };
  label: (conflict: MergeConflict) => string;
  describe: (conflict: MergeConflict, values: Values, side: 'theirs' | 'mine', current: Row) => string;
  /** The record's name for the status line, from the values that were saved. */
  titleOf: (values: Values) => string;
  savedToast: (values: Values) => ToastMessage;
  /** The edit is over (saved, unchanged, or discarded), with the values the record now has as far as this save knows. */
  onDone: (now: Values) => void;
}

type Pending<Row, Values> =
  | { kind: 'merge'; current: Row; theirs: Values; mine: Values; result: MergeResult<Values>; name: string | null }
  | { kind: 'deleted'; current: Row; base: Values; mine: Values; name: string | null };

/**
 * Saves an edit made on a snapshot of a versioned record, merging field by field when someone else
 * saved first: their fields are kept, mine are applied, and only fields both changed are asked
 * about. The merge is one update at their version holding only this user's fields, so the audit
 * shows exactly what this user changed. Every form that edits a versioned record saves through it.
 */
export function useMergingSave<Row extends VersionedRow, Values extends Input>(options: MergingSaveOptions<Row, Values>) {
  const trpc = useTRPC();
  const users = useQuery({ ...trpc.system.users.list.queryOptions(), staleTime: 60_000 });
  const [pending, setPending] = useState<Pending<Row, Values> | null>(null);
  const [busy, setBusy] = useState(false);
  const shape = options.shape ?? {};

  const nameOf = (userId: number | null | undefined) => users.data?.find((user) => user.id === userId)?.name ?? null;

  function finish(values: Values, mergedWith: string | false | null) {
    setPending(null);
    if (mergedWith === false) showToast({ tone: 'success', message: options.savedToast(values) });
    else showToast({ tone: 'success', message: { key: mergedWith ? 'merge.savedWith' : 'merge.savedWithSomeone', values: { title: options.titleOf(values), name: mergedWith } } });
    options.onDone(values);
  }

  /**
   * Sends `patch` at `version`; `mine` is base plus patch, what this user means the record to read.
   * `mergedWith` is false for a first try, else whose save this one merges with (null: not known).
   */
  async function attempt(version: number, base: Values, mine: Values, patch: Partial<Values>, mergedWith: string | false | null) {
    try {
      await options.update(version, patch);
      finish(mine, mergedWith);
    } catch (error) {
      const rapport = rapportErrorOf(error);
      if (rapport?.code !== 'CONFLICT' || !rapport.current) throw error;
      const current = rapport.current as Row;
      const name = nameOf(current.updatedBy);
      if (typeof current.deletedAt === 'number') {
        if (options.restore) setPending({ kind: 'deleted', current, base, mine, name });
        else {
          setPending(null);
          showToast({ tone: 'error', message: { key: 'errors.CONFLICT_DELETED' } });
          options.onDone(base);
        }
        return;
      }
      const theirs = options.toInput(current);
      const result = mergeThreeWay(base, theirs, mine, shape);
      if (result.conflicts.length > 0) {
        setPending({ kind: 'merge', current, theirs, mine, result, name });
        return;
      }
      if (Object.keys(result.patch).length === 0) finish(theirs, name);
      else await attempt(current.version, theirs, { ...theirs, ...result.patch }, result.patch, name);
    }
  }

  /** A save from the dialog failed for another reason (a rule the merged values break): say so, keep the dialog. */
  function failed(error: unknown) {
    showToast({ tone: 'error', message: { key: errorMessageKeyOf(error) } });
  }

  async function run(work: () => Promise<void>) {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  }

  /** Saves the form's values `mine` over the record `base` the form was loaded from. */
  async function save(base: Row, mine: Values) {
    const baseInput = options.toInput(base);
    const patch = changedFieldsOf(baseInput, mine, shape);
    if (Object.keys(patch).length === 0) {
      options.onDone(mine);
      return;
    }
    await run(() => attempt(base.version, baseInput, mine, patch, false));
  }

  function discard(theirs: Values) {
    // The refused save already caught up with the change feed, which brought their version.
    setPending(null);
    showToast({ message: { key: 'conflict.keptTheirs' } });
    options.onDone(theirs);
  }

  function settle(value: Extract<Pending<Row, Values>, { kind: 'merge' }>, choices: Record<string, MergeChoice>) {
    const patch = resolveMerge(value.result, value.theirs, value.mine, choices, shape);
    if (Object.keys(patch).length === 0) {
      discard(value.theirs);
      return;
    }
    void run(() => attempt(value.current.version, value.theirs, { ...value.theirs, ...patch }, patch, value.name)).catch(failed);
  }

  function restoreAndSave(value: Extract<Pending<Row, Values>, { kind: 'deleted' }>) {
    const restore = options.restore;
    if (!restore) return;
    void run(async () => {
      const restored = await restore();
      await attempt(restored.version, value.base, value.mine, changedFieldsOf(value.base, value.mine, shape), false);
    }).catch(failed);
  }

  let dialog: ReactNode = null;
  if (pending?.kind === 'deleted') {
    dialog = <RecordDeletedDialog title={options.titles.deleted} deletedByName={pending.name} busy={busy} onDiscard={() => discard(pending.base)} onRestore={() => restoreAndSave(pending)} />;
  } else if (pending?.kind === 'merge') {
    const { result, theirs, mine, current } = pending;
    const labelsOf = (units: string[]) => [...new Set(units.map((unit) => options.label({ unit, fields: [unit] })))];
    dialog = (
      <MergeDialog
        // A new conflict (a third save meanwhile) asks afresh.
        key={current.version}
        title={options.titles.merge}
        updatedByName={pending.name}
        rows={result.conflicts.map((conflict) => ({
          unit: conflict.unit,
          label: options.label(conflict),
          theirs: options.describe(conflict, theirs, 'theirs', current),
          mine: options.describe(conflict, mine, 'mine', current),
        }))}
        keptTheirs={labelsOf(result.theirsChanged)}
        appliedMine={labelsOf(result.mineChanged)}
        busy={busy}
        onSave={(choices) => settle(pending, choices)}
        onDiscard={() => discard(theirs)}
      />
    );
  }
  return { save, dialog, busy };
}
