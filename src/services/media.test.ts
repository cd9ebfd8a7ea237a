import { imageUrl } from './media';

describe('imageUrl', () => {
  const env = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = env;
  });

  it('maps a cloud file id to the local storage URL on h5', () => {
    process.env.TARO_ENV = 'h5';
    expect(imageUrl('cloud://weave-local.local/products/p001/1.png')).toBe('/storage/products/p001/1.png');
    expect(imageUrl('cloud://weave-local.local/products/p-bag/均码.png')).toBe('/storage/products/p-bag/%E5%9D%87%E7%A0%81.png');
  });

  it('leaves the id to the Image component on weapp, and passes other URLs and blanks through', () => {
    process.env.TARO_ENV = 'weapp';
    expect(imageUrl('cloud://weave-local.local/products/p001/1.png')).toBe('cloud://weave-local.local/products/p001/1.png');
    process.env.TARO_ENV = 'h5';
    expect(imageUrl('https://example.com/a.png')).toBe('https://example.com/a.png');
    expect(imageUrl('')).toBe('');
    expect(imageUrl(undefined)).toBe('');
  });
});
