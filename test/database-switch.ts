import { connect, createServer, type AddressInfo, type Server, type Socket } from "node:net";

export type DatabaseSwitch = {
  /** The database URL, by way of the switch. */
  url: string;
  /** Closes every connection and refuses new ones, as a stopped server does. */
  cut: () => Promise<void>;
  /** Accepts connections but forwards nothing, as a server behind a dead network does. */
  hang: () => void;
  /** Back to a working connection. */
  restore: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * A TCP relay between the app and PostgreSQL that a test can switch off and on, for outages
 * that must start and end exactly when the test says (a real restart is tested too, but its
 * timing belongs to the server).
 */
export async function startDatabaseSwitch(databaseUrl: string): Promise<DatabaseSwitch> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  let hanging = false;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const relay = (client: Socket) => {
    track(client);
    if (hanging) return;
    const upstream = connect(Number(target.port || 5432), target.hostname);
    track(upstream);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.pipe(upstream).pipe(client);
  };
  const listen = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const server = createServer(relay);
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve(server));
    });
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };

  let server: Server | undefined = await listen(0);
  const port = (server.address() as AddressInfo).port;
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);

  const stopListening = async () => {
    const closing = server;
    server = undefined;
    if (!closing) return;
    await new Promise<void>((resolve) => {
      closing.close(() => resolve());
      dropAll();
    });
  };

  return {
    url: url.toString(),
    cut: stopListening,
    hang: () => {
      hanging = true;
      dropAll();
    },
    restore: async () => {
      hanging = false;
      server ??= await listen(port);
    },
    close: stopListening,
  };
}
