/**
 * services/subscribe.ts on the H5 build: the local stand-in accepts, and the answer is reported to
 * analytics.subscribed once per prompt (the same prompt id on its one retry); at most 3 templates a
 * prompt; nothing is reported when nothing was accepted.
 */
import Taro from '@tarojs/taro';
import { MAX_TEMPLATES_PER_PROMPT, requestSubscribe } from './subscribe';

type RequestOptions = { url: string; data: Record<string, unknown> };
const request = Taro.request as unknown as jest.Mock;

function gateway(answers: { accept?: number; report?: (n: number) => unknown }) {
  const reports: Record<string, unknown>[] = [];
  const accepts: Record<string, unknown>[] = [];
  request.mockImplementation(async (options: RequestOptions) => {
    if (options.url.endsWith('/api/_emulator/subscribe/accept')) {
      accepts.push(options.data);
      return { statusCode: answers.accept ?? 200, data: {} };
    }
    if (options.url.endsWith('/api/functions/analytics')) {
      reports.push(options.data);
      const result = answers.report ? answers.report(reports.length) : { ok: true, data: { credited: [], repeated: false } };
      if (result instanceof Error) throw result;
      return { statusCode: 200, data: { result } };
    }
    throw new Error(`unexpected ${options.url}`);
  });
  return { reports, accepts };
}

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  request.mockReset();
});

test('the accepted templates are reported once, with the whole result and a prompt id', async () => {
  const { reports, accepts } = gateway({});
  await expect(requestSubscribe(['TPL_A', 'TPL_B'])).resolves.toEqual(['TPL_A', 'TPL_B']);
  expect(accepts).toEqual([expect.objectContaining({ templateIds: ['TPL_A', 'TPL_B'] })]);
  expect(reports).toEqual([{ action: 'subscribed', promptId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), result: { TPL_A: 'accept', TPL_B: 'accept' } }]);
});

test('at most 3 templates a prompt, repeats removed', async () => {
  const { accepts } = gateway({});
  await requestSubscribe(['T1', 'T2', 'T2', 'T3', 'T4']);
  expect(MAX_TEMPLATES_PER_PROMPT).toBe(3);
  expect(accepts[0].templateIds).toEqual(['T1', 'T2', 'T3']);
});

test('a failed report is sent once more with the same prompt id', async () => {
  const { reports } = gateway({ report: (n) => (n === 1 ? { ok: false, code: 'INTERNAL', message: '服务繁忙' } : { ok: true, data: {} }) });
  await requestSubscribe(['TPL_A']);
  expect(reports).toHaveLength(2);
  expect(reports[1].promptId).toBe(reports[0].promptId);
});

test('nothing accepted, nothing reported; nothing asked, nothing shown', async () => {
  const { reports } = gateway({ accept: 500 });
  await expect(requestSubscribe(['TPL_A'])).resolves.toEqual([]);
  expect(reports).toHaveLength(0);
  await expect(requestSubscribe([])).resolves.toEqual([]);
  expect(request).toHaveBeenCalledTimes(1);
});
