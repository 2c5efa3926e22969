import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './local-input';

describe('datetime-local inputs', () => {
  it('round-trips an instant through the browser’s local time to the minute', () => {
    const at = Date.parse('2026-12-07T01:30:00Z');
    expect(fromLocalInput(toLocalInput(at))).toBe('2026-12-07T01:30:00.000Z');
    expect(toLocalInput(at)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  });

  it('hands an empty or unreadable input on as typed, for the API to name', () => {
    expect(fromLocalInput('')).toBe('');
    expect(fromLocalInput('tomorrow')).toBe('tomorrow');
  });
});
