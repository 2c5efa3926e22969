export type LatLon = readonly [lat: number, lon: number];

function cross(o: LatLon, a: LatLon, b: LatLon): number {
  return (a[1] - o[1]) * (b[0] - o[0]) - (a[0] - o[0]) * (b[1] - o[1]);
}

/**
 * Convex hull (Andrew's monotone chain) in lon/lat, counter-clockwise without repeating the
 * first point. Good enough for an incident's outline at city to country scale.
 */
export function convexHull(points: readonly LatLon[]): LatLon[] {
  const sorted = [...points].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const unique = sorted.filter((p, i) => i === 0 || p[0] !== sorted[i - 1]![0] || p[1] !== sorted[i - 1]![1]);
  if (unique.length < 3) return unique;
  const lower: LatLon[] = [];
  for (const p of unique) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0)
      lower.pop();
    lower.push(p);
  }
  const upper: LatLon[] = [];
  for (let i = unique.length - 1; i >= 0; i--) {
    const p = unique[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0)
      upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}
