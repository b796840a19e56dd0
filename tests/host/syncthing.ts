/**
 * Two Syncthing instances on loopback for the end-to-end tests, started and stopped by the
 * test: each with its own home folder, its GUI/REST on a 127.0.0.1 port, listening on
 * 127.0.0.1 only, with global and local discovery, relays, NAT traversal, STUN, crash and
 * usage reporting and upgrades off, each device given the other's id and explicit
 * 127.0.0.1 address, sharing one folder. Nothing leaves the machine.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function findSyncthing(): string | null {
  return ['/usr/bin/syncthing', '/usr/local/bin/syncthing'].find((candidate) => existsSync(candidate)) ?? null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

export interface SyncthingInstance {
  readonly name: string;
  readonly folder: string;
  readonly deviceId: string;
  /** REST GET with the API key. */
  get<T>(path: string): Promise<T>;
  post(path: string, body?: unknown): Promise<void>;
  /** Stops the process (SIGTERM, then SIGKILL) and waits for it to end. */
  stop(): Promise<void>;
  /** Starts it again on the same home and ports. */
  start(): Promise<void>;
}

interface Spec {
  name: string;
  home: string;
  folder: string;
  deviceId: string;
  guiPort: number;
  listenPort: number;
  apiKey: string;
}

function configXml(self: Spec, other: Spec, folderId: string): string {
  const device = (spec: Spec) =>
    `<device id="${spec.deviceId}" name="${spec.name}" compression="metadata" introducer="false"><address>tcp://127.0.0.1:${String(spec.listenPort)}</address><autoAcceptFolders>false</autoAcceptFolders></device>`;
  return `<configuration version="36">
  <folder id="${folderId}" label="${folderId}" path="${self.folder}" type="sendreceive" rescanIntervalS="5" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="true">
    <filesystemType>basic</filesystemType>
    <device id="${self.deviceId}"></device>
    <device id="${other.deviceId}"></device>
    <markerName>.stfolder</markerName>
    <maxConflicts>10</maxConflicts>
  </folder>
  ${device(self)}
  ${device(other)}
  <gui enabled="true" tls="false"><address>127.0.0.1:${String(self.guiPort)}</address><apikey>${self.apiKey}</apikey></gui>
  <options>
    <listenAddress>tcp://127.0.0.1:${String(self.listenPort)}</listenAddress>
    <globalAnnounceServer></globalAnnounceServer>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <urAccepted>-1</urAccepted>
    <urSeen>3</urSeen>
    <startBrowser>false</startBrowser>
    <crashReportingEnabled>false</crashReportingEnabled>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <releasesURL></releasesURL>
    <stunServer></stunServer>
    <stunKeepaliveStartS>0</stunKeepaliveStartS>
    <stunKeepaliveMinS>0</stunKeepaliveMinS>
    <reconnectionIntervalS>1</reconnectionIntervalS>
    <progressUpdateIntervalS>-1</progressUpdateIntervalS>
    <setLowPriority>false</setLowPriority>
  </options>
</configuration>
`;
}

async function prepare(binary: string, name: string): Promise<Spec> {
  const home = await mkdtemp(join(tmpdir(), `cwg-syncthing-${name}-`));
  const folder = await mkdtemp(join(tmpdir(), `cwg-synced-${name}-`));
  await mkdir(join(folder, '.stfolder'), { recursive: true });
  const { stdout } = await run(binary, ['generate', `--home=${home}`, '--no-default-folder'], { env: { ...process.env, STNOUPGRADE: '1' } });
  const match = /Device ID: ([A-Z0-9-]+)/.exec(stdout) ?? /([A-Z0-9]{7}(?:-[A-Z0-9]{7}){7})/.exec(stdout);
  let deviceId = match?.[1] ?? '';
  if (deviceId === '') {
    const shown = await run(binary, ['serve', `--home=${home}`, '--device-id'], { env: { ...process.env, STNOUPGRADE: '1' } });
    deviceId = shown.stdout.trim();
  }
  return { name, home, folder, deviceId, guiPort: await freePort(), listenPort: await freePort(), apiKey: randomBytes(16).toString('hex') };
}

function instance(binary: string, spec: Spec): SyncthingInstance {
  let child: ChildProcess | null = null;
  const base = `http://127.0.0.1:${String(spec.guiPort)}`;
  const headers = { 'X-API-Key': spec.apiKey };
  const self: SyncthingInstance = {
    name: spec.name,
    folder: spec.folder,
    deviceId: spec.deviceId,
    async get<T>(path: string): Promise<T> {
      const response = await fetch(`${base}${path}`, { headers });
      if (!response.ok) throw new Error(`Syncthing ${spec.name} ${path}: HTTP ${String(response.status)}`);
      return (await response.json()) as T;
    },
    async post(path, body) {
      const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: body === undefined ? null : JSON.stringify(body) });
      if (!response.ok) throw new Error(`Syncthing ${spec.name} ${path}: HTTP ${String(response.status)}`);
    },
    async start() {
      child = spawn(binary, ['serve', `--home=${spec.home}`, '--no-browser', '--no-restart', '--no-upgrade', '--logfile=-'], {
        env: { ...process.env, STNOUPGRADE: '1', STNORESTART: '1', STGUIADDRESS: '', all_proxy: '', http_proxy: '', https_proxy: '' },
        stdio: 'ignore',
      });
      const deadline = Date.now() + 30_000;
      for (;;) {
        try {
          await self.get('/rest/system/ping');
          return;
        } catch (error) {
          if (Date.now() > deadline) throw new Error(`Syncthing ${spec.name} did not start: ${String(error)}`, { cause: error });
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    },
    async stop() {
      const process = child;
      child = null;
      if (!process || process.exitCode !== null) return;
      const ended = new Promise<void>((resolve) => process.once('exit', () => resolve()));
      process.kill('SIGTERM');
      const timer = setTimeout(() => process.kill('SIGKILL'), 5000);
      await ended;
      clearTimeout(timer);
    },
  };
  return self;
}

/** Two instances sharing one folder; both started and connected to each other. */
export async function startSyncthingPair(): Promise<[SyncthingInstance, SyncthingInstance]> {
  const binary = findSyncthing();
  if (!binary) throw new Error('syncthing is not installed (.ci/run installs the Debian package).');
  const [a, b] = await Promise.all([prepare(binary, 'a'), prepare(binary, 'b')]);
  const folderId = `cwg-${randomBytes(4).toString('hex')}`;
  await writeFile(join(a.home, 'config.xml'), configXml(a, b, folderId));
  await writeFile(join(b.home, 'config.xml'), configXml(b, a, folderId));
  const pair: [SyncthingInstance, SyncthingInstance] = [instance(binary, a), instance(binary, b)];
  try {
    await Promise.all(pair.map((one) => one.start()));
    await waitForConnection(pair[0], pair[1].deviceId);
  } catch (error) {
    await Promise.all(pair.map((one) => one.stop()));
    throw error;
  }
  return pair;
}

export async function waitForConnection(from: SyncthingInstance, deviceId: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await from.get<{ connections: Record<string, { connected: boolean }> }>('/rest/system/connections');
    if (state.connections[deviceId]?.connected) return;
    if (Date.now() > deadline) throw new Error(`Syncthing ${from.name} did not connect to ${deviceId}.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
