import { describe, expect, it } from 'vitest';
import { describeConnectionError, describeTarget } from './connection-error';

const URL_WITH_SECRET = 'postgres://fleet:s3cret@db.example:5439/fleet';

describe('describeConnectionError', () => {
  it('names host and cause in one line, without the password', () => {
    const line = describeConnectionError(
      URL_WITH_SECRET,
      Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    );
    expect(line).toBe('DATABASE_URL: cannot connect to db.example:5439/fleet (ECONNREFUSED)');
    expect(line).not.toContain('s3cret');
  });
  it('reports bad credentials and missing databases by name', () => {
    expect(
      describeConnectionError(URL_WITH_SECRET, { code: '28P01', message: 'password authentication failed' }),
    ).toBe('DATABASE_URL: authentication failed for db.example:5439/fleet (28P01)');
    expect(
      describeConnectionError(URL_WITH_SECRET, { code: '3D000', message: 'database "fleet" does not exist' }),
    ).toBe('DATABASE_URL: database "fleet" does not exist on db.example:5439/fleet (3D000)');
  });
  it('keeps only the first line of an unknown error', () => {
    expect(describeConnectionError(URL_WITH_SECRET, new Error('timeout expired\nstack'))).toBe(
      'DATABASE_URL: cannot connect to db.example:5439/fleet (timeout expired)',
    );
  });
  it('defaults the port and survives an unparseable URL', () => {
    expect(describeTarget('postgres://u@h/db')).toBe('h:5432/db');
    expect(describeTarget('not a url')).toBe('the configured server');
  });
});
