import { useWorkspace } from './use-workspace';

/**
 * Whether the signed-in user may change records. Read-only users see no create, edit or delete
 * controls; the core refuses their writes with READ_ONLY all the same.
 */
export function useCanWrite(): boolean {
  return useWorkspace()?.currentUser?.role !== 'read_only';
}
