import { describe, expect, it } from 'vitest';
import { smsRequest } from './sms-request';

describe('smsRequest', () => {
  it('fills a JSON body, escaping quotes and newlines inside the string', () => {
    const request = smsRequest(
      {
        url: 'https://sms.example.com/send',
        method: 'POST',
        bodyTemplate: '{"mobile":"{phone}","content":"{text}"}',
      },
      '+8613800138000',
      '告警 "T-1"\nnext',
    );
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body!)).toEqual({ mobile: '+8613800138000', content: '告警 "T-1"\nnext' });
  });

  it('fills a form body, URL-encoding each value', () => {
    const request = smsRequest(
      { url: 'https://sms.example.com/send', method: 'POST', bodyTemplate: 'to={phone}&msg={text}' },
      '+8613800138000',
      'a&b=c',
    );
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      to: '+8613800138000',
      msg: 'a&b=c',
    });
  });

  it('puts the values in the URL for GET and sends no body', () => {
    const request = smsRequest(
      { url: 'https://sms.example.com/send?to={phone}&msg={text}', method: 'GET', bodyTemplate: 'ignored' },
      '+8613800138000',
      '终端 离线',
    );
    expect(request.body).toBeUndefined();
    const url = new URL(request.url);
    expect(url.searchParams.get('to')).toBe('+8613800138000');
    expect(url.searchParams.get('msg')).toBe('终端 离线');
  });
});
