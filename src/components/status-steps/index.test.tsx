import { render } from '@testing-library/react';
import { StatusSteps } from './index';

describe('StatusSteps', () => {
  test('lists the newest step first and marks it current', () => {
    render(
      <StatusSteps
        steps={[
          { statusText: '待付款', time: '2026-11-22 08:00' },
          { statusText: '已支付', time: '2026-11-22 08:02' },
          { statusText: '申请退款', time: '2026-11-22 09:00', note: '尺码不合适' },
        ]}
      />,
    );
    const titles = Array.from(document.querySelectorAll('.status-steps__title')).map((n) => n.textContent);
    expect(titles).toEqual(['申请退款', '已支付', '待付款']);
    expect(document.querySelector('.status-steps__item--current .status-steps__note')?.textContent).toBe('尺码不合适');
  });
});
