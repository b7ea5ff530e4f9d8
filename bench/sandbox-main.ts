// The sandbox partner services in a process of their own, so that calling them directly and through the gateway
// costs them the same.   npx tsx bench/sandbox-main.ts <first port>
import { startSandboxes } from '../sandbox/start-sandboxes.ts';

const first = Number(process.argv[2] ?? 18_701);
const running = await startSandboxes({
  dfe: first,
  dwp: first + 1,
  hmrc: first + 2,
  nhs: first + 3,
  homeOffice: first + 4,
  financial: first + 5,
});
console.log(JSON.stringify(running.urls));
