import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { TASK_REQUEST_KINDS, type TaskRequestKind } from '@luoshi/contracts';
import { RequestKindMeta, type TaskRequestKindHandler } from './request-kind';

/**
 * The request kinds, found by their @RequestKind mark. Start-up fails when a kind of
 * TASK_REQUEST_KINDS has no provider, two claim one, or a provider's kind disagrees with its mark.
 */
@Injectable()
export class TaskRequestKinds {
  private kinds: Map<TaskRequestKind, TaskRequestKindHandler> | null = null;

  constructor(private readonly discovery: DiscoveryService) {}

  all(): TaskRequestKindHandler[] {
    return [...this.found().values()];
  }

  get(kind: TaskRequestKind): TaskRequestKindHandler {
    const handler = this.found().get(kind);
    if (!handler) throw new Error(`no request kind ${kind}`);
    return handler;
  }

  private found(): Map<TaskRequestKind, TaskRequestKindHandler> {
    if (this.kinds) return this.kinds;
    const kinds = new Map<TaskRequestKind, TaskRequestKindHandler>();
    const problems: string[] = [];
    for (const wrapper of this.discovery.getProviders({ metadataKey: RequestKindMeta.KEY })) {
      const mark = this.discovery.getMetadataByDecorator(RequestKindMeta, wrapper);
      const handler = wrapper.instance as TaskRequestKindHandler | undefined;
      if (!mark || !handler) continue;
      if (handler.kind !== mark) problems.push(`${wrapper.name} is marked ${mark} but says kind ${handler.kind}`);
      else if (kinds.has(mark)) problems.push(`two providers claim request kind ${mark}`);
      else kinds.set(mark, handler);
    }
    for (const kind of TASK_REQUEST_KINDS) if (!kinds.has(kind)) problems.push(`request kind "${kind}" has no provider: add a @RequestKind('${kind}') class in kinds/`);
    if (problems.length > 0) throw new Error(`配置错误 / invalid request kinds:\n  ${problems.join('\n  ')}`);
    this.kinds = kinds;
    return kinds;
  }
}
