import {
  changesSince as changesSinceInput,
  firstRunChoice,
  historyInput,
  searchInput,
  settingsUpdate,
  signInInput,
  staffCreate,
  staffUpdate,
  trashItem,
  trashList,
  trashPurge,
  trashRestoreMany,
} from '../contract/system';
import { manageProcedure, ownerProcedure, readProcedure, router, signInProcedure, writeProcedure } from '../api/trpc';
import { changesSince } from './changes';
import { recordHistory } from './history';
import { searchAll } from './search';
import { bulkRestoreRecords } from './record-removal';
import { signedInActor } from './session';
import { activeStaff, createStaff, listStaff, updateStaff } from './staff';
import { listTrash, purgeFromTrash, restoreFromTrash } from './trash';
import { completeFirstRun } from './first-run';
import { listUsers, updateSettings, workspaceInfo } from './workspace-info';

export const systemRouter = router({
  workspace: router({
    // The gate and the "Who are you?" screen read it before anyone has signed in.
    info: signInProcedure.query(({ ctx }) => workspaceInfo(ctx.workspace)),
    firstRun: ownerProcedure.input(firstRunChoice).mutation(({ ctx, input }) => completeFirstRun(ctx.workspace, input)),
    updateSettings: manageProcedure.input(settingsUpdate).mutation(({ ctx, input }) => updateSettings(ctx.workspace, input)),
  }),
  users: router({
    list: readProcedure.query(({ ctx }) => listUsers(ctx.workspace)),
  }),
  staff: router({
    list: manageProcedure.query(({ ctx }) => listStaff(ctx.workspace)),
    create: manageProcedure.input(staffCreate).mutation(({ ctx, input }) => createStaff(ctx.workspace, signedInActor(ctx), input)),
    update: manageProcedure.input(staffUpdate).mutation(({ ctx, input }) => updateStaff(ctx.workspace, signedInActor(ctx), input)),
  }),
  session: router({
    /** The "Who are you?" list: active staff, and whether each has a PIN. */
    staff: signInProcedure.query(({ ctx }) => activeStaff(ctx.workspace)),
    current: signInProcedure.query(({ ctx }) => ctx.user),
    signIn: signInProcedure.input(signInInput).mutation(({ ctx, input }) => ctx.session.signIn(ctx.workspace, input, ctx.pinLockouts)),
    signOut: signInProcedure.mutation(({ ctx }) => {
      ctx.session.signOut();
      return null;
    }),
  }),
  search: readProcedure.input(searchInput).query(({ ctx, input }) => searchAll(ctx.workspace, input)),
  trash: router({
    list: readProcedure.input(trashList).query(({ ctx, input }) => listTrash(ctx.workspace, input)),
    restore: writeProcedure.input(trashItem).mutation(({ ctx, input }) => restoreFromTrash(ctx.workspace, input)),
    restoreMany: writeProcedure.input(trashRestoreMany).mutation(({ ctx, input }) => bulkRestoreRecords(ctx.workspace, input.items)),
    // Purging cannot be undone: managers and owners only.
    purge: manageProcedure.input(trashPurge).mutation(({ ctx, input }) => purgeFromTrash(ctx.workspace, input.items)),
  }),
  history: readProcedure.input(historyInput).query(({ ctx, input }) => recordHistory(ctx.workspace, input)),
  changes: readProcedure.input(changesSinceInput).query(({ ctx, input }) => changesSince(ctx.workspace, input.seq)),
});
