import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { AlertEvents } from '../alerts/alert-events';
import { incidentMembers } from '../alerts/alert-signals';
import { RiskService } from '../risk/risk.service';
import { DispatchCandidatesRepository, type CandidateRow } from './dispatch-candidates.repository';
import { DISPATCH_OPTIONS, type DispatchOptions } from './dispatch-options';
import { decideDispatch } from './dispatch-policy';
import { RemoteActionsService } from './remote-actions.service';
import { WorkOrderAssigner } from './work-order-assigner';
import { WorkOrderFactory } from './work-order-factory';
import { SYSTEM_ACTOR, WorkOrderLifecycle } from './work-order-lifecycle';
import { WorkOrderFollowUp } from './work-order-follow-up';
import { WorkOrdersRepository } from './work-orders.repository';

/**
 * Runs the dispatch policy over the live alerts (on each alert change and every
 * `evaluateIntervalMs`, so "N hours after" elapses on time): a work order, assigned at
 * once when someone is eligible, or a remote action for support. Then retries orders
 * still waiting for a technician, and the SLA and confirmation follow-up. Passes run one
 * at a time; time is the alerts' clock.
 */
@Injectable()
export class DispatchEngine implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Dispatch');
  private queue: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private scheduled = false;

  constructor(
    private readonly candidates: DispatchCandidatesRepository,
    private readonly orders: WorkOrdersRepository,
    private readonly remoteActions: RemoteActionsService,
    private readonly factory: WorkOrderFactory,
    private readonly lifecycle: WorkOrderLifecycle,
    private readonly assigner: WorkOrderAssigner,
    private readonly followUp: WorkOrderFollowUp,
    private readonly risk: RiskService,
    private readonly alertEvents: AlertEvents,
    @Inject(DISPATCH_OPTIONS) private readonly options: DispatchOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.unsubscribe = this.alertEvents.onChanged((change) => {
      if (change.kind === 'resolved' && change.actor === SYSTEM_ACTOR) {
        this.queue = this.queue.then(() => this.cancelNotStarted(change.alert.id));
        return;
      }
      if (change.kind !== 'opened' && change.kind !== 'reopened') return;
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.evaluate();
      });
    });
    this.timer = setInterval(() => void this.evaluate(), this.options.evaluateIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.queue;
  }

  /** One pass now (after any under way); resolves once its writes are done. */
  evaluate(): Promise<void> {
    this.queue = this.queue.then(() => this.run());
    return this.queue;
  }

  private async run(): Promise<void> {
    // Incident members come from the risk engine's memory: only the process judging the fleet decides.
    if (!this.risk.active) return;
    try {
      const now = this.lifecycle.now().getTime();
      const members = incidentMembers(this.risk.incidents());
      for (const candidate of await this.candidates.undecided()) await this.decide(candidate, members, now);
      for (const row of await this.orders.unassigned()) await this.assigner.assignBest(row);
      await this.followUp.run(now);
    } catch (error) {
      this.logger.error(`dispatch pass failed: ${(error as Error).message}`);
    }
  }

  /** The cause went away by itself before anyone set out: nobody needs to go. */
  private async cancelNotStarted(alertId: string): Promise<void> {
    try {
      for (const row of await this.orders.notStartedOfAlert(alertId)) {
        await this.lifecycle.move(row, {
          to: 'cancelled',
          actor: SYSTEM_ACTOR,
          reason: 'the cause cleared before the visit',
          change: { reason: 'the cause cleared before the visit' },
        });
      }
    } catch (error) {
      this.logger.error(`cancelling the orders of alert ${alertId} failed: ${(error as Error).message}`);
    }
  }

  private async decide(row: CandidateRow, members: ReadonlySet<string>, now: number): Promise<void> {
    const raisedAt = new Date(row.last_raised_at);
    const decision = decideDispatch(
      {
        code: row.code,
        severity: row.severity,
        terminalId: row.terminal_id,
        inIncident: members.has(row.terminal_id),
        raisedAt: raisedAt.getTime(),
        steps: (row.steps ?? []).map((step) => ({ kind: step.kind, at: Date.parse(step.at) })),
      },
      now,
      this.options,
    );
    const evidence = {
      text: row.evidence.text ?? '',
      ...(row.evidence.data ? { data: row.evidence.data } : {}),
    };
    switch (decision.kind) {
      case 'none':
        return;
      case 'remote_action':
        await this.remoteActions.open({
          kind: decision.action,
          terminalId: row.terminal_id,
          code: row.code,
          alertId: row.alert_id,
          alertRaisedAt: raisedAt,
          evidence: evidence.text,
          at: new Date(now),
        });
        return;
      case 'work_order': {
        const order = await this.lifecycle.create(
          this.factory.build({
            terminal: row,
            code: row.code,
            kind: 'repair',
            priority: decision.priority,
            parts: decision.parts,
            createdBy: SYSTEM_ACTOR,
            at: new Date(now),
            evidence,
            alert: { id: row.alert_id, raisedAt },
          }),
        );
        if (order !== undefined) await this.assigner.assignBest(order);
        return;
      }
    }
  }
}
