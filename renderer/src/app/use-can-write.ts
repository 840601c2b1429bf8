import { useWorkspace } from './use-workspace';

/**
 * Whether the signed-in user may change records. Read-only users see no create, edit or delete
 * controls (nor does anyone on a shared file gone read-only); the core refuses their writes with
 * READ_ONLY all the same.
 */
export function useCanWrite(): boolean {
  const workspace = useWorkspace();
  // A shared file whose lock checks failed takes no write from this PC, whatever the role.
  return workspace?.currentUser?.role !== 'read_only' && !workspace?.shareSafety?.readOnly;
}
