/**
 * A minimal stand-in for the emulator's POST /admin endpoint, only for the database: tests point the
 * real wx-server-sdk at it. Records every request so contract tests can assert what the SDK sends.
 * (The real server is emulator/server.ts.)
 */
import http from 'http';
import type { AddressInfo } from 'net';
import type { Database } from './database';

export interface RecordedRequest {
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown>;
}

export interface DbTestServer {
  /** e.g. http://127.0.0.1:PORT/admin, the value for TCB_CONTEXT_CNFG.URL or cloud.init({ serviceUrl }). */
  adminUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startDbTestServer(db: Database): Promise<DbTestServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local');
      void (async () => {
        let reply: unknown;
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
          requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), body });
          reply =
            req.method === 'POST' && url.pathname === '/admin' && String(body.action).startsWith('database.')
              ? await db.handle(body)
              : { code: 'INVALID_PARAM', message: `the database test server only answers database.* actions` };
        } catch (error) {
          reply = { code: 'INVALID_PARAM', message: (error as Error).message };
        }
        const text = JSON.stringify(reply);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    adminUrl: `http://127.0.0.1:${port}/admin`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Points wx-server-sdk in this process at `adminUrl` the way the emulator's function runtime does:
 * TCB_CONTEXT_CNFG plus any non-empty secret pair (the SDK signs requests; nobody checks the signature),
 * and the SCF markers, without which the SDK probes Tencent's metadata host on every call.
 */
export function pointSdkAt(adminUrl: string, envId = 'test'): void {
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: adminUrl });
  process.env.TENCENTCLOUD_SECRETID = process.env.TENCENTCLOUD_SECRETID || 'local-secret-id';
  process.env.TENCENTCLOUD_SECRETKEY = process.env.TENCENTCLOUD_SECRETKEY || 'local-secret-key';
  process.env.TENCENTCLOUD_RUNENV = 'SCF';
  process.env.TENCENTCLOUD_REGION = process.env.TENCENTCLOUD_REGION || 'ap-shanghai';
  process.env.SCF_NAMESPACE = envId;
}
