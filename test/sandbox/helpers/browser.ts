// Drives the auth host like a browser: keeps cookies, follows redirects by hand and submits the bank page's
// form, stopping when the auth host sends the browser back to the TPP's redirect URI (nothing listens there).
export interface BrowserResult {
  /** The URL the browser was finally sent to (the TPP callback), with code/state/error. */
  readonly callback: URL;
  /** The bank login page HTML as served, for page checks. */
  readonly loginPage: string;
  readonly loginPageHeaders: Headers;
}

export interface LoginFields {
  readonly psuId: string;
  readonly password?: string;
  readonly decision: 'approve' | 'deny';
}

export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly stopAt: string) {}

  private remember(res: globalThis.Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<globalThis.Response> {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: this.cookieHeader(),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form) } : {}),
    });
    this.remember(res);
    return res;
  }

  /** GET url and follow redirects until a page (200/4xx) or the stop URL is reached. */
  async follow(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ res: globalThis.Response; url: URL }> {
    let current = new URL(url);
    let res = await this.request(current.toString(), init);
    for (let hops = 0; res.status >= 300 && res.status < 400; hops++) {
      if (hops > 10) throw new Error('too many redirects');
      current = new URL(res.headers.get('location')!, current);
      if (current.toString().startsWith(this.stopAt)) return { res, url: current };
      res = await this.request(current.toString());
    }
    return { res, url: current };
  }

  /**
   * Opens the scaOAuth URL and stops at the bank login page, so a test can look at the state in between;
   * `submit` then fills the page and presses Approve or Deny.
   */
  async open(authorizeUrl: string): Promise<{ page: string; headers: Headers; submit(fields: LoginFields): Promise<BrowserResult> }> {
    const page = await this.follow(authorizeUrl);
    const html = page.url.toString().startsWith(this.stopAt) ? '' : await page.res.text();
    const submit = async (fields: LoginFields): Promise<BrowserResult> => {
      if (page.url.toString().startsWith(this.stopAt)) return { callback: page.url, loginPage: '', loginPageHeaders: page.res.headers };
      if (page.res.status !== 200) throw new Error(`login page answered ${page.res.status}: ${html.slice(0, 300)}`);
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`no form on the login page: ${html.slice(0, 300)}`);
      const form: Record<string, string> = { psuId: fields.psuId, decision: fields.decision };
      if (fields.password !== undefined) form['password'] = fields.password;
      const done = await this.follow(new URL(action.replace(/&amp;/g, '&'), page.url).toString(), { method: 'POST', form });
      if (!done.url.toString().startsWith(this.stopAt)) {
        throw new Error(`expected a redirect to ${this.stopAt}, got ${done.res.status} at ${done.url}: ${(await done.res.text()).slice(0, 300)}`);
      }
      return { callback: done.url, loginPage: html, loginPageHeaders: page.res.headers };
    };
    return { page: html, headers: page.res.headers, submit };
  }

  /** Opens the scaOAuth URL, fills the bank page and presses Approve or Deny; returns the callback URL the browser ends at. */
  async authorise(authorizeUrl: string, fields: LoginFields): Promise<BrowserResult> {
    return (await this.open(authorizeUrl)).submit(fields);
  }
}

/** Fills the platform's scaOAuth template the way the docs tell a TPP to (reference §3.7). */
export function fillScaTemplate(href: string, clientId: string, redirectUri: string, state: string): string {
  return href
    .replace('[CLIENT_ID]', encodeURIComponent(clientId))
    .replace('[TPP_REDIRECT_URI]', encodeURIComponent(redirectUri))
    .replace('[TPP_STATE]', encodeURIComponent(state));
}
