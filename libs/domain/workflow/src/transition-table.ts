import { WorkflowError } from './workflow.error';

/** What a state machine is about, as its refusals name it. */
export interface TransitionEntity {
  /** `details.entity` of its errors. */
  key: 'task' | 'report';
  /** 任务, 报告 */
  zh: string;
  /** Task, Report */
  en: string;
}

/**
 * A state machine's graph, one row of allowed events and their targets per state, with the labels
 * that explain a refusal. The task and report machines are both this; each keeps its own special
 * events (suspend/resume, a late withdraw) on top.
 */
export interface TransitionTable<S extends string, E extends string, T> {
  entity: TransitionEntity;
  /** Every event, in the order allowed events are listed. */
  events: readonly E[];
  stateLabels: Record<S, string>;
  eventLabels: Record<E, string>;
  transitions: Record<S, Partial<Record<E, T>>>;
}

/** The target of `event` in `state` by the table; throws INVALID_TRANSITION when the table has none. */
export function tableTarget<S extends string, E extends string, T>(table: TransitionTable<S, E, T>, state: S, event: E): T {
  const target = table.transitions[state]?.[event];
  if (target !== undefined) return target;
  const { entity } = table;
  const stateLabel = table.stateLabels[state] ?? String(state);
  const eventLabel = table.eventLabels[event] ?? String(event);
  throw new WorkflowError(
    'INVALID_TRANSITION',
    `${entity.zh}当前状态为“${stateLabel}”（${state}），不能执行“${eventLabel}”（${event}）操作`,
    `${entity.en} event "${event}" is not allowed in state "${state}"`,
    { entity: entity.key, state, event },
  );
}

/** Events the table allows in `state`, in the table's event order (for buttons and API validation). */
export function tableEvents<S extends string, E extends string, T>(table: TransitionTable<S, E, T>, state: S): E[] {
  const row = table.transitions[state] ?? {};
  return table.events.filter((e) => row[e] !== undefined);
}
