import { createEmulator, type Emulator } from '../server';
import { callFunction, FIXTURE_FUNCTIONS } from '../testing';

jest.setTimeout(30_000);

let emulator: Emulator;

beforeAll(async () => {
  emulator = await createEmulator({ functionsDir: FIXTURE_FUNCTIONS, timers: 'manual' });
});

afterAll(() => emulator.close());

function files(data: Record<string, unknown>) {
  return callFunction(emulator, 'files', data, 'o-staff').then((reply) => reply.body.result);
}

it('uploads, hands out a local temp URL, downloads and deletes, as cloud.uploadFile & co do', async () => {
  const { fileID } = await files({ action: 'upload', cloudPath: 'reviews/o-1/面料 近照.txt', text: '亚麻 100%' });
  expect(fileID).toBe(`cloud://${emulator.envId}.local/reviews/o-1/面料 近照.txt`);

  const { fileList } = await files({ action: 'url', fileID });
  expect(fileList).toEqual([
    { fileID, status: 0, errMsg: 'ok', maxAge: expect.any(Number), tempFileURL: `${emulator.url}/storage/reviews/o-1/面料 近照.txt` },
  ]);
  const fetched = await fetch(encodeURI(fileList[0].tempFileURL));
  expect(fetched.status).toBe(200);
  expect(fetched.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  expect(await fetched.text()).toBe('亚麻 100%');

  expect(await files({ action: 'download', fileID })).toEqual({ text: '亚麻 100%' });

  expect((await files({ action: 'delete', fileID })).fileList).toEqual([{ fileID, status: 0, errMsg: 'ok' }]);
  expect((await fetch(encodeURI(fileList[0].tempFileURL))).status).toBe(404);
  expect((await files({ action: 'url', fileID })).fileList[0]).toMatchObject({ status: -503003, tempFileURL: '' });
});

it('serves files a seed wrote into storage under their file id path', async () => {
  emulator.storage.write('products/p001/1.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));

  const res = await fetch(`${emulator.url}/storage/products/p001/1.png`);

  expect(res.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  expect(emulator.storage.fileIdOf('products/p001/1.png')).toBe('cloud://weave-local.local/products/p001/1.png');
});

it('never serves anything outside the storage folder', async () => {
  const res = await fetch(`${emulator.url}/storage/..%2F..%2Fetc%2Fpasswd`);

  expect(res.status).toBe(400);
});
