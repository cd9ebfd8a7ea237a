/* eslint-env node, browser, jest */
/**
 * The native price component as WeChat would run it (miniprogram-simulate builds the component tree
 * from index.js/json/wxml/wxss): what the shopper reads for a given amount in fen.
 */
const path = require('path');
const simulate = require('miniprogram-simulate');

// Load once: the component's index.js registers itself when first required, as in WeChat.
const id = simulate.load(path.join(__dirname, 'index'));

function mount(props) {
  const comp = simulate.render(id, props);
  comp.attach(document.createElement('parent-wrapper'));
  return comp;
}

const text = (comp) => comp.dom.textContent.replace(/\s+/g, '');

describe('weave-price (native)', () => {
  it('renders integer fen as ¥ yuan with small decimals', () => {
    const comp = mount({ fen: 12345 });
    expect(text(comp)).toBe('¥123.45');
    expect(comp.querySelector('.price__decimals').dom.textContent).toBe('.45');
  });

  it('shows whole yuan without .00 and keeps a trailing zero otherwise', () => {
    expect(text(mount({ fen: 29900 }))).toBe('¥299');
    expect(text(mount({ fen: 8990 }))).toBe('¥89.90');
    expect(text(mount({ fen: 5 }))).toBe('¥0.05');
  });

  it('updates when the amount changes', async () => {
    const comp = mount({ fen: 100 });
    comp.setData({ fen: 25050 });
    await simulate.sleep(0);
    expect(text(comp)).toBe('¥250.50');
  });

  it('draws a list price struck through', () => {
    const comp = mount({ fen: 39900, strike: true });
    expect(comp.querySelector('.price').dom.className).toContain('price--strike');
    expect(text(comp)).toBe('¥399');
  });

  it('renders nothing for an amount that is not integer fen', () => {
    expect(text(mount({ fen: 12.5 }))).toBe('');
  });
});
