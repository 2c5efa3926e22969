import type { CauseCode } from '@fleet/telemetry/causes';
import type { ShownCard } from './injected-faults';

/**
 * Runs in the page: every card of the at-risk list with its terminal id and the cause of
 * each chip, read from the chip's `chip--<code>` class (the text is translated).
 */
export function readCards(list: Element): ShownCard[] {
  return Array.from(list.querySelectorAll('.risk-card'), (card) => ({
    terminalId: card.querySelector('.risk-card__id')?.textContent?.trim() ?? '',
    causes: Array.from(card.querySelectorAll('.cause-list .chip'), (chip) => {
      const modifier = Array.from(chip.classList).find((name) => name.startsWith('chip--')) ?? 'chip--';
      return modifier.slice('chip--'.length).toUpperCase() as CauseCode;
    }),
  }));
}
