// What a request matched, as it may be logged or counted: the route template (`/v1/register/collaborations/:id`),
// never the path, which carries ids and whatever a caller typed into it. Read once the answer is finished: inside a
// mounted router (the console) `req.baseUrl` is the mount path and `req.route` the route within it.
import type { Request } from 'express';

export function routeTemplate(req: Request): string {
  // Mount paths are fixed lower-case words, but routing ignores case: lower it, so a caller cannot vary it.
  const mount = req.baseUrl.toLowerCase();
  if (req.route) return `${mount}${String(req.route.path)}`;
  // A router that answered without a route of its own (the console's page-not-found), or nothing matched at all.
  return mount ? `${mount}/*` : '(unmatched)';
}
