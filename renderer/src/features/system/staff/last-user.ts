/** Each PC remembers who signed in last on each workspace, to preselect them on "Who are you?". */
const key = (workspaceId: string) => `rapport.lastUser.${workspaceId}`;

export function lastUserId(workspaceId: string): number | null {
  const value = Number(localStorage.getItem(key(workspaceId)));
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

export function rememberLastUser(workspaceId: string, userId: number): void {
  localStorage.setItem(key(workspaceId), String(userId));
}
