import { z } from 'zod';
import { id } from '../contract/common';
import { removeInput } from '../contract/people';
import { activityCreate, activityUpdate, taskComplete, taskCreate, taskList, taskUpdate, timelineInput, todayInput } from '../contract/work';
import { readProcedure, writeProcedure, router } from '../api/trpc';
import { removeRecord } from '../system/record-removal';
import { getActivity, logActivity, updateActivity } from './activities';
import { completeTask, createTask, getTask, listTasks, takeDueReminders, todayView, updateTask } from './tasks';
import { recordTimeline } from './timeline';

const byId = z.object({ id });

export const workRouter = router({
  activities: router({
    create: writeProcedure.input(activityCreate).mutation(({ ctx, input }) => logActivity(ctx.workspace, input)),
    get: readProcedure.input(byId).query(({ ctx, input }) => getActivity(ctx.workspace, input.id)),
    update: writeProcedure.input(activityUpdate).mutation(({ ctx, input }) => updateActivity(ctx.workspace, input)),
    remove: writeProcedure.input(removeInput).mutation(({ ctx, input }) => removeRecord(ctx.workspace, 'activity', input)),
  }),
  timeline: readProcedure.input(timelineInput).query(({ ctx, input }) => recordTimeline(ctx.workspace, input)),
  tasks: router({
    create: writeProcedure.input(taskCreate).mutation(({ ctx, input }) => createTask(ctx.workspace, input)),
    get: readProcedure.input(byId).query(({ ctx, input }) => getTask(ctx.workspace, input.id)),
    update: writeProcedure.input(taskUpdate).mutation(({ ctx, input }) => updateTask(ctx.workspace, input)),
    remove: writeProcedure.input(removeInput).mutation(({ ctx, input }) => removeRecord(ctx.workspace, 'task', input)),
    complete: writeProcedure.input(taskComplete).mutation(({ ctx, input }) => completeTask(ctx.workspace, input)),
    list: readProcedure.input(taskList).query(({ ctx, input }) => listTasks(ctx.workspace, input)),
    today: readProcedure.input(todayInput).query(({ ctx, input }) => todayView(ctx.workspace, input)),
    // Everyone gets their reminders; taking them only marks them shown, which is no edit of the task.
    takeDueReminders: readProcedure.input(z.object({}).default({})).mutation(({ ctx }) => takeDueReminders(ctx.workspace)),
  }),
});
