// Where a client's batches may be called back. The URLs are registered by a registry administrator, never taken
// from a request, so the gateway only ever calls addresses someone answerable chose (no SSRF through a batch): a
// batch may only name one of them. https only, unless BATCH_CALLBACK_ALLOW_HTTP (a sandbox, or tests) allows http;
// never credentials in the URL (they would be kept in the register's history and shown on every client page).
export const maxCallbackUrls = 5;

export function problemsWithCallbackUrls(given: string[], overHttp: boolean): { urls: string[]; problems: string[] } {
  const problems: string[] = [];
  const urls: string[] = [];
  if (given.length > maxCallbackUrls) problems.push(`give at most ${maxCallbackUrls} callback URLs`);
  for (const [i, text] of given.entries()) {
    const url = URL.canParse(text) ? new URL(text) : null;
    if (!url || !(url.protocol === 'https:' || (overHttp && url.protocol === 'http:'))) {
      problems.push(`callbackUrls.${i} must be an https URL${overHttp ? ' (or http here, a sandbox)' : ''}`);
    } else if (url.username || url.password) {
      problems.push(`callbackUrls.${i} must not carry a user name or password`);
    } else if (url.hash) {
      problems.push(`callbackUrls.${i} must not carry a fragment (#…)`);
    } else if (urls.includes(url.href)) {
      problems.push(`callbackUrls.${i} is given twice`);
    } else {
      urls.push(url.href);
    }
  }
  return { urls, problems };
}

/** The registered URL a batch names, as registered; null when the client registered no such URL. */
export function registeredCallbackUrl(named: string, registered: string[]): string | null {
  const href = URL.canParse(named) ? new URL(named).href : null;
  return href !== null && registered.includes(href) ? href : null;
}
