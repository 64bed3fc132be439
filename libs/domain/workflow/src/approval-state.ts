import type { ApprovalTemplate, StepMode } from './approval-template';
import type { IsoDate } from './iso-date';

// The approval engine's plain, JSON-serializable instance state, its actions and its effects.

export type ApprovalStatus = 'in_progress' | 'approved' | 'rejected' | 'returned_to_drafter' | 'withdrawn';
export const APPROVAL_STATUSES: readonly ApprovalStatus[] = ['in_progress', 'approved', 'rejected', 'returned_to_drafter', 'withdrawn'];

export type ApprovalStepStatus = 'pending' | 'active' | 'approved' | 'rejected' | 'returned' | 'skipped';

export type ApprovalDecisionAction = 'approve' | 'reject' | 'return';

export interface ApprovalDecision {
  /** Who clicked. */
  userId: string;
  /** Set when userId acted under a delegation (委托): "userId for onBehalfOf". */
  onBehalfOf?: string;
  action: ApprovalDecisionAction;
  comment?: string;
  at: string;
  /** True when the decision was taken with escalation authority (decides the whole step). */
  asEscalation?: boolean;
}

export interface ApprovalStepState {
  key: string;
  name: string;
  mode: StepMode;
  /** Current user ids in order; always equal to `lanes.flat()`, kept flat for readers and queries. */
  approvers: string[];
  /** The ids resolved at start; a step re-run after a return starts again from these. */
  resolvedApprovers: string[];
  /** See the model above. */
  lanes: string[][];
  /** Users a timeout escalated the step to; each can decide the step alone. */
  escalatedTo: string[];
  /** Decisions of the current activation only (cleared when the step is re-run); history keeps all. */
  decisions: ApprovalDecision[];
  status: ApprovalStepStatus;
  activatedAt?: string;
  /** Timeouts since the step was (re)activated: 1st reminds, 2nd escalates. */
  timeouts: number;
}

export type ApprovalHistoryType = 'start' | ApprovalAction['type'];

export interface ApprovalHistoryEntry {
  type: ApprovalHistoryType;
  at: string;
  /** null for system events (timeout). */
  actorId: string | null;
  onBehalfOf?: string;
  stepKey: string | null;
  comment?: string;
  /** transfer */
  toUserId?: string;
  /** addSigner */
  userId?: string;
  position?: 'before' | 'after';
  /** return: the step returned to, null = the drafter */
  toStepKey?: string | null;
  /** timeout: who was reminded or escalated to */
  userIds?: string[];
  timeoutOutcome?: 'reminded' | 'escalated' | 'none';
  /** The instance version this entry produced. */
  version: number;
}

export interface ApprovalInstanceState {
  /** Deep copy taken at start: later edits to the template never affect a running instance. */
  templateSnapshot: ApprovalTemplate;
  status: ApprovalStatus;
  drafterId: string;
  /** The active step; once finished, the step where it finished. */
  currentStepIndex: number;
  steps: ApprovalStepState[];
  cc: string[];
  history: ApprovalHistoryEntry[];
  /** 1 at start, +1 on every accepted action: the server's optimistic-lock column. */
  version: number;
}

/** Optional `onBehalfOf` lets a delegate who stands in for several people say which one. */
export type ApprovalAction =
  | { type: 'approve'; actorId: string; comment?: string; onBehalfOf?: string }
  | { type: 'reject'; actorId: string; comment: string; onBehalfOf?: string }
  | { type: 'return'; actorId: string; comment: string; toStepKey?: string; onBehalfOf?: string }
  | { type: 'transfer'; actorId: string; toUserId: string; comment?: string; onBehalfOf?: string }
  | { type: 'addSigner'; actorId: string; userId: string; position: 'before' | 'after'; comment?: string; onBehalfOf?: string }
  | { type: 'withdraw'; actorId: string }
  | { type: 'comment'; actorId: string; comment: string }
  | { type: 'timeout'; at: string; escalateToUserIds?: string[] };

export const APPROVAL_ACTION_TYPES: readonly ApprovalAction['type'][] = [
  'approve',
  'reject',
  'return',
  'transfer',
  'addSigner',
  'withdraw',
  'comment',
  'timeout',
];

export type ApprovalEffect =
  | { type: 'notify'; userIds: string[]; reason: ApprovalNotifyReason }
  | { type: 'completed'; outcome: 'approved' | 'rejected' }
  | { type: 'returned'; toStepKey: string | null }
  | { type: 'escalated'; toUserIds: string[] }
  | { type: 'reminded'; userIds: string[] };

/** `reason` values of notify effects; the server maps them to message templates. */
export const APPROVAL_NOTIFY_REASONS = {
  /** It is now your turn to decide. */
  pending: 'approval_pending',
  approved: 'approval_approved',
  rejected: 'approval_rejected',
  /** Returned to you (drafter) or to your step. */
  returned: 'approval_returned',
  /** Someone handed their place to you. */
  transferred: 'approval_transferred',
  /** You were added as a signer and must decide now (加签 before). */
  signerAdded: 'approval_signer_added',
  withdrawn: 'approval_withdrawn',
  comment: 'approval_comment',
  reminder: 'approval_reminder',
  escalated: 'approval_escalated',
  /** 抄送: the instance finished. */
  cc: 'approval_cc',
} as const;
export type ApprovalNotifyReason = (typeof APPROVAL_NOTIFY_REASONS)[keyof typeof APPROVAL_NOTIFY_REASONS];

/** 委托: from `from` to `to` inclusive (Beijing dates), toUserId may act for fromUserId. Not chained. */
export interface ApprovalDelegation {
  fromUserId: string;
  toUserId: string;
  from: IsoDate;
  to: IsoDate;
}

export interface ApprovalActionContext {
  /** The instant of the action (ISO timestamp); recorded on decisions and history. */
  at: string;
  delegations?: ApprovalDelegation[];
}

export interface StartApprovalInput {
  template: ApprovalTemplate;
  drafterId: string;
  /** Step key → resolved user ids in order (duplicates dropped). Every non-skipped step needs one. */
  resolvedApprovers: Record<string, string[]>;
  cc?: string[];
  at: string;
  /** Steps the caller decided not to run for this instance (e.g. the drafter is that step's approver). */
  skipStepKeys?: string[];
}
