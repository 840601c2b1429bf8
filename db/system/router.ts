import { changesSince as changesSinceInput, firstRunChoice, historyInput, searchInput, settingsUpdate, trashItem, trashList, trashPurge, trashRestoreMany } from '../contract/system';
import { procedure, router } from '../api/trpc';
import { changesSince } from './changes';
import { recordHistory } from './history';
import { searchAll } from './search';
import { bulkRestoreRecords } from './record-removal';
import { listTrash, purgeFromTrash, restoreFromTrash } from './trash';
import { completeFirstRun } from './first-run';
import { listUsers, updateSettings, workspaceInfo } from './workspace-info';

export const systemRouter = router({
  workspace: router({
    info: procedure.query(({ ctx }) => workspaceInfo(ctx.workspace)),
    firstRun: procedure.input(firstRunChoice).mutation(({ ctx, input }) => completeFirstRun(ctx.workspace, input)),
    updateSettings: procedure.input(settingsUpdate).mutation(({ ctx, input }) => updateSettings(ctx.workspace, input)),
  }),
  users: router({
    list: procedure.query(({ ctx }) => listUsers(ctx.workspace)),
  }),
  search: procedure.input(searchInput).query(({ ctx, input }) => searchAll(ctx.workspace, input)),
  trash: router({
    list: procedure.input(trashList).query(({ ctx, input }) => listTrash(ctx.workspace, input)),
    restore: procedure.input(trashItem).mutation(({ ctx, input }) => restoreFromTrash(ctx.workspace, input)),
    restoreMany: procedure.input(trashRestoreMany).mutation(({ ctx, input }) => bulkRestoreRecords(ctx.workspace, input.items)),
    purge: procedure.input(trashPurge).mutation(({ ctx, input }) => purgeFromTrash(ctx.workspace, input.items)),
  }),
  history: procedure.input(historyInput).query(({ ctx, input }) => recordHistory(ctx.workspace, input)),
  changes: procedure.input(changesSinceInput).query(({ ctx, input }) => changesSince(ctx.workspace, input.seq)),
});
