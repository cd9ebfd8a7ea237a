/**
 * Sign-in and roles as a person sees them: the demo shopper's own card on 我的, and the identity
 * switcher turning the same browser into a store clerk, whose workspace entry then appears.
 */
import { screenshot } from './support/browser';
import { startStack, type Stack } from './support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
}, 120_000);

afterAll(() => stack?.close());

describe('who am I', () => {
  it('shows the signed-in shopper, and a clerk sees the staff workspace after switching', async () => {
    const page = await stack.open('o_demo_lin', '/#/pages/me/index');
    await page.locator('.user-card__name', { hasText: '林小姐' }).waitFor();
    await page.locator('.user-card__tier', { hasText: '金卡' }).waitFor();
    await page.locator('.user-card__stat-value').first().waitFor();
    expect(await page.getByText('店员工作台').count()).toBe(0);
    await screenshot(page, 'identity-shopper');

    await page.getByText('本地演示 · 切换身份').scrollIntoViewIfNeeded();
    await page.getByText(/静安嘉里中心店/).first().click();
    await page.getByText('店员工作台').first().waitFor();
    expect(await page.locator('.user-card__name', { hasText: '林小姐' }).count()).toBe(0);
    await screenshot(page, 'identity-clerk');
  });
});
