// The frame of every console page: language, skip link, header with the pages this person may open, sign-out.
import { html, type Html } from './html.ts';

export interface Viewer {
  clientId: string;
  displayName: string;
  roles: string[];
  csrf: string;
}

const links = [
  { href: '/console/register', label: 'Register', roles: ['sro', 'dpo'] },
  { href: '/console/directives', label: 'Directives', roles: ['sro', 'dpo'] },
  { href: '/console/dpo', label: 'Subject report', roles: ['dpo'] },
  { href: '/console/dpo/search', label: 'Audit search', roles: ['dpo'] },
  { href: '/console/dpo/verification', label: 'Verification', roles: ['dpo'] },
  { href: '/console/dpo/export', label: 'Export', roles: ['dpo'] },
];

export function page(title: string, body: Html, viewer: Viewer | null, current = ''): string {
  const nav = viewer ? links.filter((l) => l.roles.some((r) => viewer.roles.includes(r))) : [];
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Data-sharing gateway console</title>
<link rel="stylesheet" href="/console/assets/console.css">
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="top">
  <a class="brand" href="/console">Data-sharing gateway</a>
  ${nav.length > 0 ? html`<nav aria-label="Console"><ul>${nav.map((l) => html`<li><a href="${l.href}"${l.href === current ? html` aria-current="page"` : ''}>${l.label}</a></li>`)}</ul></nav>` : ''}
  ${
    viewer
      ? html`<div class="who"><span>Signed in as ${viewer.displayName} (${viewer.roles.join(', ')})</span>
    <form method="post" action="/console/sign-out"><input type="hidden" name="csrf" value="${viewer.csrf}"><button class="link" type="submit">Sign out</button></form></div>`
      : ''
  }
</header>
<main id="main" tabindex="-1">
<h1>${title}</h1>
${body}
</main>
</body>
</html>`.text;
}

export const badge = (severity: 'urgent' | 'warning' | 'ok', text: string) =>
  html`<span class="badge ${severity}">${text}</span>`;
