import { peopleRouter } from '../people/router';
import { salesRouter } from '../sales/router';
import { systemRouter } from '../system/router';
import { workRouter } from '../work/router';
import { router } from './trpc';

/** The whole API: one router per area. The renderer imports only its type. */
export const appRouter = router({
  people: peopleRouter,
  sales: salesRouter,
  work: workRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
