/**
 * Who a read is for. Private records (contacts, companies, deals marked private) are seen only by
 * their owner and by managers and owners of the workspace (DESIGN §5); the system (set-up, the
 * bench, tests that open a file directly) sees everything.
 */
export interface Viewer {
  readonly userId: number;
  /** Managers and owners see every private record. */
  readonly seesPrivate: boolean;
}

export const SYSTEM_VIEWER: Viewer = Object.freeze({ userId: 0, seesPrivate: true });

export function viewerOf(user: { id: number; role: string }): Viewer {
  return { userId: user.id, seesPrivate: user.role === 'owner' || user.role === 'manager' };
}
