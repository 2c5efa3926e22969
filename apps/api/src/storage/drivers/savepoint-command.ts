/** `savepoint x`, `rollback to x`, `release x` with the name quoted as an identifier. */
export function parseSavepointCommand(
  command: 'savepoint' | 'rollback to' | 'release',
  name: string,
): string {
  return `${command} "${name.replace(/"/g, '""')}"`;
}
