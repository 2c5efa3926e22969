import { describe, expect, it } from 'vitest';
import { classifyStoreError, storeErrorReason } from './store-error-kind';

const pgError = (code: string, message = 'refused') => Object.assign(new Error(message), { code });

describe('classifyStoreError', () => {
  it.each(['22003', '22P02', '22021', '23505', '23502', '23514', '23503'])(
    'calls data and integrity refusals (%s) permanent',
    (code) => {
      expect(classifyStoreError(pgError(code))).toEqual({ kind: 'permanent', code });
    },
  );

  it.each([
    '08006',
    '08003',
    '08P01',
    '40001',
    '40P01',
    '53300',
    '53100',
    '57P01',
    '57P02',
    '57P03',
    '55P03',
  ])('calls connection, concurrency, resource and shutdown errors (%s) transient', (code) => {
    expect(classifyStoreError(pgError(code))).toEqual({ kind: 'transient', code });
  });

  it.each(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'])(
    'calls the node socket error %s transient',
    (code) => {
      expect(classifyStoreError(pgError(code))).toEqual({ kind: 'transient', code });
    },
  );

  it('calls a schema mismatch (42*) transient: no message can cause it, so none is dropped for it', () => {
    expect(classifyStoreError(pgError('42703', 'column "x" does not exist'))).toMatchObject({
      kind: 'transient',
    });
  });

  it('knows the pg client and pool messages that carry no code', () => {
    expect(classifyStoreError(new Error('Connection terminated unexpectedly'))).toEqual({
      kind: 'transient',
    });
    expect(classifyStoreError(new Error('timeout exceeded when trying to connect'))).toEqual({
      kind: 'transient',
    });
  });

  it('defaults anything else to transient but says it did not know it', () => {
    expect(classifyStoreError(new Error('something odd'))).toEqual({ kind: 'transient' });
    expect(classifyStoreError(pgError('XX000'))).toEqual({ kind: 'transient', code: 'XX000' });
    expect(classifyStoreError('a string')).toEqual({ kind: 'transient' });
    expect(classifyStoreError(null)).toEqual({ kind: 'transient' });
  });
});

describe('storeErrorReason', () => {
  it('gives the SQLSTATE and the database message', () => {
    expect(storeErrorReason(pgError('22003', 'integer out of range'))).toBe(
      'SQLSTATE 22003: integer out of range',
    );
    expect(storeErrorReason(new Error('plain'))).toBe('plain');
  });
});
