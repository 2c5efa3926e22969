import { describe, expect, it } from 'vitest';
import { loadConfig } from './app-config';

describe('loadConfig: notification settings', () => {
  it('sends no e-mail when SMTP_URL is unset', () => {
    expect(loadConfig({}).notify).toEqual({
      smtpUrl: undefined,
      from: undefined,
      webhookSecret: undefined,
      sms: undefined,
      vapidKeys: undefined,
      vapidSubject: 'mailto:fleet-monitor@localhost',
    });
  });

  it('takes an SMTP server with its sender', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://fleet:secret@mail.example.com:465',
      NOTIFY_FROM: 'Fleet <fleet@example.com>',
    });
    expect(config.notify).toMatchObject({
      smtpUrl: 'smtps://fleet:secret@mail.example.com:465',
      from: 'Fleet <fleet@example.com>',
    });
  });

  it.each([
    ['http://mail.example.com', 'SMTP_URL must look like smtp://user:pass@host:587'],
    ['smtp://[bad:25', 'SMTP_URL must be a valid URL'],
  ])('names SMTP_URL when it is %s', (url, message) => {
    expect(() => loadConfig({ SMTP_URL: url, NOTIFY_FROM: 'fleet@example.com' })).toThrow(message);
  });

  it('wants NOTIFY_FROM with SMTP_URL, and an address in it', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail:25' })).toThrow('SMTP_URL needs NOTIFY_FROM');
    expect(() => loadConfig({ NOTIFY_FROM: 'nobody' })).toThrow('NOTIFY_FROM must be an e-mail address');
  });

  it('wants a long webhook secret', () => {
    expect(() => loadConfig({ NOTIFY_WEBHOOK_SECRET: 'short' })).toThrow(
      'NOTIFY_WEBHOOK_SECRET must be at least 32 characters',
    );
  });

  it('takes an SMS gateway with a JSON body by default, and names a bad one', () => {
    expect(loadConfig({ SMS_GATEWAY_URL: 'https://sms.example.com/send' }).notify.sms).toEqual({
      url: 'https://sms.example.com/send',
      method: 'POST',
      bodyTemplate: '{"phone":"{phone}","text":"{text}"}',
    });
    expect(() => loadConfig({ SMS_GATEWAY_URL: 'sms.example.com' })).toThrow(
      'SMS_GATEWAY_URL must look like',
    );
    expect(() => loadConfig({ SMS_GATEWAY_URL: 'https://x', SMS_GATEWAY_METHOD: 'PUT' })).toThrow(
      'SMS_GATEWAY_METHOD',
    );
  });

  it('takes a VAPID pair only whole, and the mail sender as the default subject', () => {
    const pair = { VAPID_PUBLIC_KEY: 'B'.repeat(87), VAPID_PRIVATE_KEY: 'k'.repeat(43) };
    expect(loadConfig({ ...pair, NOTIFY_FROM: 'Fleet <fleet@example.com>' }).notify).toMatchObject({
      vapidKeys: { publicKey: 'B'.repeat(87), privateKey: 'k'.repeat(43) },
      vapidSubject: 'mailto:fleet@example.com',
    });
    expect(loadConfig({ VAPID_SUBJECT: 'https://fleet.example.com' }).notify.vapidSubject).toBe(
      'https://fleet.example.com',
    );
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: pair.VAPID_PUBLIC_KEY })).toThrow(
      'VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together',
    );
    expect(() => loadConfig({ ...pair, VAPID_PRIVATE_KEY: 'short' })).toThrow('VAPID_PRIVATE_KEY must be');
    expect(() => loadConfig({ VAPID_SUBJECT: 'http://fleet.example.com' })).toThrow('VAPID_SUBJECT must be');
  });
});
