import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpTestServer {
  /** e.g. smtp://127.0.0.1:41234 */
  url: string;
  mails: ParsedMail[];
  /** Resolves when the server has accepted `count` mails in all. */
  received(count: number): Promise<ParsedMail[]>;
  /** Mails answered 451 (try again later) while `refusing` was set. */
  refused: number;
  /** While true, every mail is answered 451, as a server that is down for maintenance. */
  refusing: boolean;
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on a free port that parses what it accepts (mailparser). */
export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const mails: ParsedMail[] = [];
  const state = { refused: 0, refusing: false };
  const waiters: Array<{ count: number; resolve: (mails: ParsedMail[]) => void }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      if (state.refusing) {
        state.refused += 1;
        stream.on('end', () => callback(Object.assign(new Error('try again later'), { responseCode: 451 })));
        stream.resume();
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
          for (const waiter of waiters.filter((w) => mails.length >= w.count)) waiter.resolve(mails);
        })
        .catch((error: Error) => callback(error));
    },
  });
  return {
    ...(await listenOnFreePort(server)),
    mails,
    get refused() {
      return state.refused;
    },
    get refusing() {
      return state.refusing;
    },
    set refusing(value: boolean) {
      state.refusing = value;
    },
    received: (count) =>
      mails.length >= count
        ? Promise.resolve(mails)
        : new Promise((resolve) => waiters.push({ count, resolve })),
  };
}

/** Starts `server` on a free loopback port: its smtp:// URL and how to stop it. */
export async function listenOnFreePort(server: SMTPServer): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
