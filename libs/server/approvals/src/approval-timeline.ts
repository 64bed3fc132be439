import type { ApprovalTimelineEntry, TaskUserRef } from '@luoshi/contracts';

/** An approval_action row as the read side loads it. */
export interface ApprovalActionRow {
  instanceId: string;
  version: number;
  action: ApprovalTimelineEntry['type'];
  actorId: string | null;
  onBehalfOf: string | null;
  comment: string | null;
  stepKey: string | null;
  targetUserId: string | null;
  data: Record<string, unknown>;
  at: Date;
}

export const APPROVAL_ACTION_COLUMNS = `instance_id AS "instanceId", version, action, actor_id AS "actorId", on_behalf_of AS "onBehalfOf", comment,
  step_key AS "stepKey", target_user_id AS "targetUserId", data, at`;

/** Everyone an action names (actor, delegator, targets). */
export function actionUserIds(a: ApprovalActionRow): string[] {
  return [a.actorId, a.onBehalfOf, a.targetUserId, ...((a.data['userIds'] as string[] | undefined) ?? [])].filter((x): x is string => typeof x === 'string');
}

/** Who did what, when, with which comment: "B 代 A" when delegated, 系统 for timeouts. */
export function toTimelineEntry(a: ApprovalActionRow, ref: (userId: string) => TaskUserRef, stepNames: Map<string, string>): ApprovalTimelineEntry {
  const actor = a.actorId ? ref(a.actorId) : null;
  const onBehalfOf = a.onBehalfOf ? ref(a.onBehalfOf) : null;
  const targets = [...(a.targetUserId ? [a.targetUserId] : []), ...((a.data['userIds'] as string[] | undefined) ?? [])];
  return {
    version: a.version,
    type: a.action,
    at: new Date(a.at).toISOString(),
    actor,
    onBehalfOf,
    actorLabel: actor ? (onBehalfOf ? `${actor.displayName} 代 ${onBehalfOf.displayName}` : actor.displayName) : '系统',
    comment: a.comment,
    stepKey: a.stepKey,
    stepName: a.stepKey ? (stepNames.get(a.stepKey) ?? null) : null,
    targets: targets.map(ref),
    data: a.data,
  };
}
