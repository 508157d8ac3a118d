import net from "node:net";

/**
 * Runs `work` with the postgres:// URL of a TCP server on 127.0.0.1 that accepts connections and
 * never says a word: what a database behind a stuck network path looks like to the app.
 */
export async function withHangingServer<T>(work: (url: string) => Promise<T>): Promise<T> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  try {
    return await work(`postgres://tasks:tasks@127.0.0.1:${port}/tasks`);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
}
