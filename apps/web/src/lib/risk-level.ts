/** A 0–100 risk score in three levels; the one place their thresholds live. */
export function riskLevel(score: number): 'high' | 'medium' | 'low' {
  if (score >= 70) return 'high';
  if (score >= 40) return 'medium';
  return 'low';
}
