import { act, render, screen } from '@testing-library/react';
import { Countdown } from './index';

beforeEach(() => {
  jest.useFakeTimers();
  jest.setSystemTime(new Date('2026-01-01T00:00:00Z'));
});
afterEach(() => jest.useRealTimers());

const blocks = (container: HTMLElement) => Array.from(container.querySelectorAll('.countdown__block')).map((b) => b.textContent);

describe('Countdown', () => {
  it('shows hours, minutes and seconds left and ticks every second', () => {
    const start = Date.now();
    const { container } = render(<Countdown to={start + 2 * 3_600_000 + 15 * 60_000 + 9_000} label="距结束" />);
    expect(screen.getByText('距结束')).toBeTruthy();
    expect(blocks(container)).toEqual(['02', '15', '09']);
    act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(blocks(container)).toEqual(['02', '15', '08']);
  });

  it("counts by the server's clock when the phone's is wrong", () => {
    const phone = Date.now();
    // The server is 10 minutes ahead of the phone: 10 of the 30 minutes are already gone.
    const { container } = render(<Countdown to={phone + 30 * 60_000} serverNow={phone + 10 * 60_000} />);
    expect(blocks(container)).toEqual(['00', '20', '00']);
  });

  it('says it has ended at the deadline and tells the page', () => {
    const onEnd = jest.fn();
    render(<Countdown to={Date.now() + 2000} endedText="已开抢" onEnd={onEnd} />);
    for (let second = 0; second < 2; second += 1) {
      act(() => {
        jest.advanceTimersByTime(1000);
      });
    }
    expect(screen.getByText('已开抢')).toBeTruthy();
    expect(onEnd).toHaveBeenCalledTimes(1);
  });
});
