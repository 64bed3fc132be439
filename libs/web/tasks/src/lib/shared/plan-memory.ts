/** What a user last chose in a task list's plan filter: a plan id, or every plan. */
export type RememberedPlan = { kind: 'plan'; planId: string } | { kind: 'all' };

const ALL = 'all';
const key = (userId: string) => `luoshi.taskListPlan.${userId}`;

/** The user's last choice on this browser, or null when they never chose (storage off counts as never). */
export function readRememberedPlan(storage: Pick<Storage, 'getItem'> | undefined, userId: string): RememberedPlan | null {
  try {
    const value = storage?.getItem(key(userId));
    if (!value) return null;
    return value === ALL ? { kind: 'all' } : { kind: 'plan', planId: value };
  } catch {
    return null;
  }
}

/** Keeps the choice for the next visit (per user, so a shared computer does not mix people's plans). */
export function rememberPlan(storage: Pick<Storage, 'setItem'> | undefined, userId: string, planId: string | null): void {
  try {
    storage?.setItem(key(userId), planId ?? ALL);
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}

/**
 * The plan to open a list with when its URL names none: the remembered plan while it still exists;
 * nothing when the user chose every plan, never chose, or the plan is gone.
 */
export function planToRestore(remembered: RememberedPlan | null, existingPlanIds: readonly string[]): string | null {
  if (remembered?.kind !== 'plan') return null;
  return existingPlanIds.includes(remembered.planId) ? remembered.planId : null;
}
