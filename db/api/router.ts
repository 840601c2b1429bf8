import { peopleRouter } from '../people/router';
import { systemRouter } from '../system/router';
import { router } from './trpc';

/** The whole API: one router per area. The renderer imports only its type. */
export const appRouter = router({
  people: peopleRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
