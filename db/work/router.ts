import { z } from 'zod';
import { id } from '../contract/common';
import { removeInput } from '../contract/people';
import { activityCreate, activityUpdate, taskComplete, taskCreate, taskList, taskUpdate, timelineInput, todayInput } from '../contract/work';
import { procedure, router } from '../api/trpc';
import { removeRecord } from '../system/record-removal';
import { getActivity, logActivity, updateActivity } from './activities';
import { completeTask, createTask, getTask, listTasks, takeDueReminders, todayView, updateTask } from './tasks';
import { recordTimeline } from './timeline';

const byId = z.object({ id });

export const workRouter = router({
  activities: router({
    create: procedure.input(activityCreate).mutation(({ ctx, input }) => logActivity(ctx.workspace, input)),
    get: procedure.input(byId).query(({ ctx, input }) => getActivity(ctx.workspace, input.id)),
    update: procedure.input(activityUpdate).mutation(({ ctx, input }) => updateActivity(ctx.workspace, input)),
    remove: procedure.input(removeInput).mutation(({ ctx, input }) => removeRecord(ctx.workspace, 'activity', input)),
  }),
  timeline: procedure.input(timelineInput).query(({ ctx, input }) => recordTimeline(ctx.workspace, input)),
  tasks: router({
    create: procedure.input(taskCreate).mutation(({ ctx, input }) => createTask(ctx.workspace, input)),
    get: procedure.input(byId).query(({ ctx, input }) => getTask(ctx.workspace, input.id)),
    update: procedure.input(taskUpdate).mutation(({ ctx, input }) => updateTask(ctx.workspace, input)),
    remove: procedure.input(removeInput).mutation(({ ctx, input }) => removeRecord(ctx.workspace, 'task', input)),
    complete: procedure.input(taskComplete).mutation(({ ctx, input }) => completeTask(ctx.workspace, input)),
    list: procedure.input(taskList).query(({ ctx, input }) => listTasks(ctx.workspace, input)),
    today: procedure.input(todayInput).query(({ ctx, input }) => todayView(ctx.workspace, input)),
    takeDueReminders: procedure.input(z.object({}).default({})).mutation(({ ctx }) => takeDueReminders(ctx.workspace)),
  }),
});
