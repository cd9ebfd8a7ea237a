import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { createEmulator, type Emulator } from '../server';
import { adminCall, callFunction, FIXTURE_FUNCTIONS } from '../testing';

jest.setTimeout(30_000);

let emulator: Emulator;

beforeAll(async () => {
  emulator = await createEmulator({ functionsDir: FIXTURE_FUNCTIONS, timers: 'manual' });
});

afterAll(() => emulator.close());

const shipped = { thing1: { value: '亚麻衬衫 已发货' }, character_string2: { value: 'SF1234567890' } };

function send(touser: string, templateId: string, data: object = shipped) {
  return callFunction(emulator, 'messenger', { touser, templateId, data }, 'o-staff');
}

describe('subscribeMessage.send', () => {
  it('answers 43101 while the user has not accepted the template', async () => {
    const reply = await send('o-buyer-1', 'TPL_SHIPPED');

    expect(reply.body.result).toEqual({ errCode: 43101, errMsg: expect.stringContaining('user refuse to accept the msg') });
    expect((await adminCall(emulator, 'GET', '/outbox?touser=o-buyer-1')).body.messages).toEqual([]);
  });

  it('delivers once per acceptance: the credit is used up by the send', async () => {
    const accepted = await adminCall(emulator, 'POST', '/subscribe/accept', { openid: 'o-buyer-2', templateIds: ['TPL_SHIPPED', 'TPL_OTHER'] });
    expect(accepted.body.credits).toEqual({ TPL_SHIPPED: 1, TPL_OTHER: 1 });

    const first = await send('o-buyer-2', 'TPL_SHIPPED');
    const second = await send('o-buyer-2', 'TPL_SHIPPED');

    expect(first.body.result).toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
    expect(second.body.result.errCode).toBe(43101);
    expect((await adminCall(emulator, 'GET', '/subscribe?openid=o-buyer-2')).body.credits).toEqual({ TPL_SHIPPED: 0, TPL_OTHER: 1 });
    const { messages } = (await adminCall(emulator, 'GET', '/outbox?touser=o-buyer-2')).body;
    expect(messages).toEqual([
      expect.objectContaining({
        touser: 'o-buyer-2',
        templateId: 'TPL_SHIPPED',
        page: 'pages/order/detail?id=1',
        data: shipped,
        miniprogramState: 'formal',
      }),
    ]);
  });

  it('keeps the outbox newest last and filters by touser', async () => {
    await adminCall(emulator, 'POST', '/subscribe/accept', { openid: 'o-buyer-3', templateIds: ['TPL_A', 'TPL_B'] });
    await send('o-buyer-3', 'TPL_A');
    await send('o-buyer-3', 'TPL_B');

    const all = (await adminCall(emulator, 'GET', '/outbox')).body.messages;
    expect(all.at(-1)).toMatchObject({ touser: 'o-buyer-3', templateId: 'TPL_B' });
    expect((await adminCall(emulator, 'GET', '/outbox?touser=o-buyer-3')).body.messages.map((m: { templateId: string }) => m.templateId)).toEqual([
      'TPL_A',
      'TPL_B',
    ]);
  });

  it('rejects template data WeChat would reject (a thing longer than 20 characters) with 47003', async () => {
    await adminCall(emulator, 'POST', '/subscribe/accept', { openid: 'o-buyer-4', templateIds: ['TPL_SHIPPED'] });

    const reply = await send('o-buyer-4', 'TPL_SHIPPED', { thing1: { value: '这是一段超过二十个字符的商品名称，会被微信拒绝发送' } });

    expect(reply.body.result.errCode).toBe(47003);
    expect((await adminCall(emulator, 'GET', '/subscribe?openid=o-buyer-4')).body.credits).toEqual({ TPL_SHIPPED: 1 });
  });

  it('refuses a function that does not declare the API in config.json permissions.openapi', async () => {
    await adminCall(emulator, 'POST', '/subscribe/accept', { openid: 'o-buyer-5', templateIds: ['TPL'] });

    const reply = await callFunction(emulator, 'undeclared', { touser: 'o-buyer-5' }, 'o-staff');

    expect(reply.body.result.errCode).toBe(-604101);
  });
});

describe('wxacode.getUnlimited', () => {
  it('returns a PNG buffer whose QR code reads back as the scene', async () => {
    const reply = await callFunction(emulator, 'messenger', { action: 'code', scene: 'g=GB1024&i=o7' }, 'o-staff');

    expect(reply.body.result).toMatchObject({ contentType: 'image/png', errCode: 0 });
    const png = PNG.sync.read(Buffer.from(reply.body.result.base64, 'base64'));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe('g=GB1024&i=o7');
  });

  it('rejects a scene longer than 32 characters with the errcode WeChat gives', async () => {
    const reply = await callFunction(emulator, 'messenger', { action: 'code', scene: 'x'.repeat(33) }, 'o-staff');

    expect(reply.status).toBe(200);
    expect(reply.body.result.errCode).toBe(40169);
  });
});
