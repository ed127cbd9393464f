import { createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of a real database whose "network" a test can break:
 * `blackhole` accepts connections and drops every byte both ways (a silent firewall),
 * `closed` refuses new connections and resets open ones, `forward` passes traffic again.
 */
export class DatabaseProxy {
  private mode: 'forward' | 'blackhole' | 'closed' = 'forward';
  private readonly open = new Set<Socket>();
  private server: Server | null = null;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** A URL like `url` that goes through this proxy. */
  rewrite(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  private accept(client: Socket): void {
    this.open.add(client);
    client.on('close', () => this.open.delete(client));
    client.on('error', () => undefined);
    if (this.mode === 'blackhole') {
      client.on('data', () => undefined);
      return;
    }
    const upstream = createConnection(this.targetPort, this.targetHost);
    this.open.add(upstream);
    upstream.on('close', () => this.open.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('data', (chunk) => {
      if (this.mode === 'forward') upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (this.mode === 'forward') client.write(chunk);
    });
  }

  /** Open connections stay open but go silent; new ones are accepted and never answered. */
  blackhole(): void {
    this.mode = 'blackhole';
  }

  /** Nothing listens on the port any more; open connections are reset. */
  async close(): Promise<void> {
    this.mode = 'closed';
    for (const s of this.open) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  /** The network is back: connections silenced before are reset (as a real outage would leave them). */
  async restore(): Promise<void> {
    for (const s of this.open) s.destroy();
    this.mode = 'forward';
    if (!this.server) await this.start();
  }
}
