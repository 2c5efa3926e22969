import { describe, expect, it } from 'vitest';
import { convexHull } from './convex-hull';

describe('convexHull', () => {
  it('keeps the corners of a square and drops the points inside', () => {
    const hull = convexHull([
      [0, 0],
      [0, 2],
      [2, 2],
      [2, 0],
      [1, 1],
      [0.5, 1.5],
    ]);
    expect(hull).toHaveLength(4);
    expect(hull).toEqual(
      expect.arrayContaining([
        [0, 0],
        [0, 2],
        [2, 2],
        [2, 0],
      ]),
    );
  });

  it('returns fewer than three distinct points as they are', () => {
    expect(
      convexHull([
        [1, 1],
        [1, 1],
        [3, 4],
      ]),
    ).toEqual([
      [1, 1],
      [3, 4],
    ]);
    expect(convexHull([])).toEqual([]);
  });

  it('drops points on a straight edge', () => {
    expect(
      convexHull([
        [0, 0],
        [0, 1],
        [0, 2],
        [1, 1],
      ]),
    ).toHaveLength(3);
  });
});
