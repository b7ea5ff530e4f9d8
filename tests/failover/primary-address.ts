// The one address the gateway is given for its database, which follows whichever server is the primary: what
// Patroni's HAProxy (or a managed PostgreSQL's writer endpoint) gives a deployment. `moveTo` points it at another
// server and drops the connections still open to the old one, as a failover's move of the address does.
import net from 'node:net';

export async function startPrimaryAddress(port: number) {
  let target = port;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    moveTo(port: number) {
      target = port;
      for (const socket of open) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
