import { href } from '../../../lib/router/routes';

/** A terminal id that drills down to the terminal's own page. */
export function TerminalLink({ terminalId }: { terminalId: string }) {
  return (
    <a className="table__mono" href={href.terminal(terminalId)}>
      {terminalId}
    </a>
  );
}
