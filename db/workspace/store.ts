import type { Workspace } from './open';

/**
 * An open workspace as area code sees it (DESIGN §4): its read interface and who is acting, but no
 * database handle. Writes go through `write(store, …)`, which alone reaches the connection.
 */
export type Store = Pick<Workspace, 'reads' | 'userId' | 'pc' | 'clientId' | 'shared' | 'file'>;
