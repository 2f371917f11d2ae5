/**
 * A small obs-websocket 5 server for tests: the real wire protocol (JSON subprotocol
 * `obswebsocket.json`, Hello → Identify → Identified, then Request/RequestResponse) with the
 * documented authentication, base64(sha256(base64(sha256(password + salt)) + challenge)), and a
 * wrong one closed with 4009 as OBS does. It answers the requests Limelight sends from a scene
 * list it is given, and records every request with its time. Shapes: fake-obs.sources.md.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface FakeObsOptions {
  /** Null: OBS with authentication switched off. */
  password: string | null;
  /** Scene name → its sources (source name → scene item id). */
  scenes: Record<string, Record<string, number>>;
  /** Inputs by name (text sources among them). */
  inputs: string[];
  /** Listen on this port (default: any free one). */
  port?: number;
}

export interface RecordedRequest {
  requestType: string;
  requestData: Record<string, unknown> | undefined;
  /** Wall time it arrived, ms. */
  at: number;
}

export interface FakeObs {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Identify messages received, and how many were refused for a wrong password. */
  identified: number;
  refused: number;
  stop(): Promise<void>;
}

const sha256Base64 = (text: string) => createHash('sha256').update(text).digest('base64');

/** OBS's request status codes (RequestStatus). */
const SUCCESS = 100;
const UNKNOWN_REQUEST_TYPE = 204;
const RESOURCE_NOT_FOUND = 600;

export async function startFakeObs(options: FakeObsOptions): Promise<FakeObs> {
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: options.port ?? 0,
    handleProtocols: (protocols) =>
      protocols.has('obswebsocket.json') ? 'obswebsocket.json' : false,
  });
  await new Promise<void>((done) => server.once('listening', done));
  const port = (server.address() as AddressInfo).port;
  const fake: FakeObs = {
    url: `ws://127.0.0.1:${port}`,
    port,
    requests: [],
    identified: 0,
    refused: 0,
    stop: () =>
      new Promise<void>((done) => {
        for (const client of server.clients) client.terminate();
        server.close(() => done());
      }),
  };

  const answer = (type: string, data: Record<string, unknown> | undefined) => {
    const scene = typeof data?.sceneName === 'string' ? options.scenes[data.sceneName] : undefined;
    const missing = (what: string) => ({
      status: {
        result: false,
        code: RESOURCE_NOT_FOUND,
        comment: `No source was found by the name of \`${what}\`.`,
      },
    });
    switch (type) {
      case 'GetSceneList':
        return {
          status: { result: true, code: SUCCESS },
          data: {
            currentProgramSceneName: Object.keys(options.scenes)[0] ?? null,
            currentPreviewSceneName: null,
            // OBS lists scenes bottom-up: the last in its UI first.
            scenes: Object.keys(options.scenes)
              .reverse()
              .map((sceneName, sceneIndex) => ({
                sceneIndex,
                sceneName,
                sceneUuid: `uuid-${sceneName}`,
              })),
          },
        };
      case 'GetInputList':
        return {
          status: { result: true, code: SUCCESS },
          data: {
            inputs: options.inputs.map((inputName) => ({
              inputName,
              inputKind: 'text_ft2_source_v2',
              unversionedInputKind: 'text_ft2_source',
              inputUuid: `uuid-${inputName}`,
            })),
          },
        };
      case 'SetCurrentProgramScene':
        return scene
          ? { status: { result: true, code: SUCCESS } }
          : missing(String(data?.sceneName));
      case 'GetSceneItemId': {
        const id = scene?.[String(data?.sourceName)];
        return id === undefined
          ? missing(String(data?.sourceName))
          : { status: { result: true, code: SUCCESS }, data: { sceneItemId: id } };
      }
      case 'SetSceneItemEnabled':
        return scene
          ? { status: { result: true, code: SUCCESS } }
          : missing(String(data?.sceneName));
      case 'SetInputSettings':
        return options.inputs.includes(String(data?.inputName))
          ? { status: { result: true, code: SUCCESS } }
          : missing(String(data?.inputName));
      default:
        return {
          status: { result: false, code: UNKNOWN_REQUEST_TYPE, comment: `unknown ${type}` },
        };
    }
  };

  server.on('connection', (socket: WebSocket) => {
    const salt = randomBytes(32).toString('base64');
    const challenge = randomBytes(32).toString('base64');
    let identified = false;
    const send = (op: number, d: unknown) => socket.send(JSON.stringify({ op, d }));
    send(0, {
      obsWebSocketVersion: '5.5.2',
      rpcVersion: 1,
      ...(options.password === null ? {} : { authentication: { challenge, salt } }),
    });
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (message.op === 1) {
        fake.identified += 1;
        if (options.password !== null) {
          const expected = sha256Base64(sha256Base64(options.password + salt) + challenge);
          if (message.d.authentication !== expected) {
            fake.refused += 1;
            socket.close(4009, 'Authentication failed.');
            return;
          }
        }
        identified = true;
        send(2, { negotiatedRpcVersion: 1 });
        return;
      }
      if (!identified) {
        socket.close(4007, 'Not identified.');
        return;
      }
      if (message.op === 6) {
        const { requestType, requestId, requestData } = message.d as {
          requestType: string;
          requestId: string;
          requestData?: Record<string, unknown>;
        };
        fake.requests.push({ requestType, requestData, at: Date.now() });
        const result = answer(requestType, requestData);
        send(7, {
          requestType,
          requestId,
          requestStatus: result.status,
          ...('data' in result ? { responseData: result.data } : {}),
        });
      }
    });
  });
  return fake;
}
