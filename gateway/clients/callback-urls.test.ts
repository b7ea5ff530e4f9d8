import { describe, expect, it } from 'vitest';
import { problemsWithCallbackUrls, registeredCallbackUrl } from './callback-urls.ts';

describe('callback URLs a registry administrator may register', () => {
  it.each([
    ['https://partner.example/batches/done', false, []],
    ['http://partner.example/batches/done', false, ['callbackUrls.0 must be an https URL']],
    ['http://127.0.0.1:9000/done', true, []],
    ['https://user:secret@partner.example/done', false, ['callbackUrls.0 must not carry a user name or password']],
    ['https://partner.example/done#x', false, ['callbackUrls.0 must not carry a fragment (#…)']],
    ['file:///etc/passwd', true, ['callbackUrls.0 must be an https URL (or http here, a sandbox)']],
    ['not a url', false, ['callbackUrls.0 must be an https URL']],
  ] as const)('%s (http allowed: %s)', (url, overHttp, problems) => {
    expect(problemsWithCallbackUrls([url], overHttp).problems).toEqual(problems);
  });

  it('keeps each URL in its normal form, once, and at most five', () => {
    expect(problemsWithCallbackUrls(['HTTPS://Partner.Example/done'], false).urls).toEqual([
      'https://partner.example/done',
    ]);
    expect(problemsWithCallbackUrls(['https://a.example/x', 'https://A.example/x'], false).problems).toEqual([
      'callbackUrls.1 is given twice',
    ]);
    expect(
      problemsWithCallbackUrls(
        Array.from({ length: 6 }, (_, i) => `https://a.example/${i}`),
        false,
      ).problems,
    ).toContain('give at most 5 callback URLs');
  });
});

describe('the URL a batch names', () => {
  const registered = ['https://partner.example/done'];
  it('is taken only when it is one registered for the client, in any spelling of it', () => {
    expect(registeredCallbackUrl('https://PARTNER.example/done', registered)).toBe('https://partner.example/done');
    expect(registeredCallbackUrl('https://partner.example/done/', registered)).toBeNull();
    expect(registeredCallbackUrl('https://partner.example.evil/done', registered)).toBeNull();
    expect(registeredCallbackUrl('nonsense', registered)).toBeNull();
  });
});
