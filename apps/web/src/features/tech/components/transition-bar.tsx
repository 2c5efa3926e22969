import type { WorkOrderTransitionTarget, WorkOrderView } from '@fleet/telemetry/api/work-orders';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { MessageKey } from '../../../lib/i18n/messages-en';
import { technicianSteps, type TechnicianStep } from './technician-steps';

interface TransitionBarProps {
  order: WorkOrderView;
  onStep(to: WorkOrderTransitionTarget, reason?: string): void;
}

/** One tap per step; a step that needs a reason opens a list of big choices first. */
export function TransitionBar({ order, onStep }: TransitionBarProps) {
  const { t } = useI18n();
  const [asking, setAsking] = useState<TechnicianStep>();
  const steps = technicianSteps(order.state);
  if (steps.length === 0) return null;

  if (asking?.reasons && asking.reasonKey) {
    const prefix = asking.reasonKey;
    return (
      <fieldset className="tech-reasons">
        <legend>
          {t(`wo.action.${asking.to}`)} · {t('tech.reasonTitle')}
        </legend>
        {asking.reasons.map((reason) => (
          <button
            key={reason}
            type="button"
            className="button button--secondary tech-touch"
            onClick={() => {
              setAsking(undefined);
              onStep(asking.to, reason);
            }}
          >
            {t(`${prefix}.${reason}` as MessageKey)}
          </button>
        ))}
        <button
          type="button"
          className="button button--ghost tech-touch"
          onClick={() => setAsking(undefined)}
        >
          {t('tech.cancel')}
        </button>
      </fieldset>
    );
  }

  return (
    <div className="tech-steps">
      {steps.map((step, index) => (
        <button
          key={step.to}
          type="button"
          className={`button tech-touch ${index === 0 ? '' : 'button--secondary'}`}
          onClick={() => (step.reasons ? setAsking(step) : onStep(step.to))}
        >
          {t(`wo.action.${step.to}`)}
        </button>
      ))}
    </div>
  );
}
