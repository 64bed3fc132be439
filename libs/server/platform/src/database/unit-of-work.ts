import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

type Hook = () => Promise<void>;

interface OpenUnit {
  /** Keyed so a capability registers its flush once however many rows it touched. */
  beforeCommit: Map<string, Hook>;
  afterCommit: Hook[];
}

/**
 * The one transaction door. Capabilities write through the EntityManager it hands out and hang
 * their own work on it: before-commit hooks (re-plan the reminders of the tasks written, write the
 * notices they imply) run inside the transaction, so their failure rolls everything back;
 * after-commit hooks (enqueue jobs, push live notices) run once the data is safe. Services no longer
 * carry "after commit" tuples back to their callers, and a capability that starts work inside
 * another's transaction (approvals deciding a request that moves a task) needs no import of it.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);
  private readonly open = new WeakMap<EntityManager, OpenUnit>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const unit: OpenUnit = { beforeCommit: new Map(), afterCommit: [] };
    const result = await this.dataSource.transaction(async (m) => {
      this.open.set(m, unit);
      try {
        const value = await work(m);
        // A hook may register further hooks (a re-plan that writes notices): drain until none is left.
        while (unit.beforeCommit.size > 0) {
          const [key, hook] = unit.beforeCommit.entries().next().value as [string, Hook];
          unit.beforeCommit.delete(key);
          await hook();
        }
        return value;
      } finally {
        this.open.delete(m);
      }
    });
    for (const hook of unit.afterCommit) {
      // Committed work stays committed: a queue or push failure is logged, and the reconcilers
      // (reminders, deliveries, approval timeouts) pick up whatever did not get its job.
      await hook().catch((error: unknown) => this.logger.warn(`after-commit work failed: ${(error as Error).message ?? error}`));
    }
    return result;
  }

  /** Whether `m` belongs to a unit of work (writes outside one must do their follow-up at once). */
  isOpen(m: EntityManager): boolean {
    return this.open.has(m);
  }

  /** Runs `hook` once before `m` commits, however often it is registered under `key`; false outside a unit of work. */
  beforeCommit(m: EntityManager, key: string, hook: Hook): boolean {
    const unit = this.open.get(m);
    if (!unit) return false;
    if (!unit.beforeCommit.has(key)) unit.beforeCommit.set(key, hook);
    return true;
  }

  /** Runs `hook` after `m` commits (never if it rolls back); false outside a unit of work. */
  afterCommit(m: EntityManager, hook: Hook): boolean {
    const unit = this.open.get(m);
    if (!unit) return false;
    unit.afterCommit.push(hook);
    return true;
  }
}
