import type { EvidenceContext } from './evidence-context';

/** COMM_MODULE_FAULT: failed attempts, reversals and reconnects while signal and SIM are fine. */
export function commModuleFaultEvidence(c: EvidenceContext): string {
  const attempts = c.data.number('attempts');
  const failed = c.data.number('linkFailures');
  const reversals = c.data.number('reversals');
  const connFails = c.data.number('connFails');
  const reconnects = c.data.number('reconnects');
  const parts: string[] = [];
  if (attempts > 0) {
    parts.push(
      c.t('evidence.COMM_MODULE_FAULT.failures', {
        failed: c.number(failed),
        attempts: c.number(attempts),
        share: c.share(failed, attempts),
      }),
    );
    if (reversals > 0) parts.push(c.t('evidence.COMM_MODULE_FAULT.reversals', { n: c.number(reversals) }));
  }
  if (connFails + reconnects > 0) {
    parts.push(
      c.t('evidence.COMM_MODULE_FAULT.reconnects', {
        connFails: c.number(connFails),
        reconnects: c.number(reconnects),
      }),
    );
  }
  parts.push(c.t('evidence.COMM_MODULE_FAULT.fine'));
  return c.parts(parts);
}

/** LINE_FAULT: dial-up line tests failed in a row, and for how long. */
export function lineFaultEvidence(c: EvidenceContext): string {
  const failed = c.data.number('failedTests');
  const span = c.span(c.now - c.data.number('failingSince'));
  return c.t(failed > 1 ? 'evidence.LINE_FAULT.other' : 'evidence.LINE_FAULT.one', {
    n: c.number(failed),
    span,
  });
}
