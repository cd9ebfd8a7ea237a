import { useEffect, useRef, useState } from 'react';
import { Canvas, Image, Text, View } from '@tarojs/components';
import Taro, { useLoad, useShareAppMessage } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Gift } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { trackShare, usePageView } from '@/services/analytics';
import { referralService, type PosterData, type PosterTarget } from '@/services/referral';
import { PIXEL_RATIO, POSTER_HEIGHT, POSTER_WIDTH, drawPoster, type Ctx2D, type LoadedImage, type PosterImages } from './draw';
import './index.scss';

const CANVAS_ID = 'invite-poster';
const isH5 = process.env.TARO_ENV === 'h5';

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): Ctx2D;
  createImage?(): { src: string; onload: () => void; onerror: () => void } & LoadedImage;
  toDataURL?(type?: string): string;
}

/** The 2D canvas node: weapp gives its Canvas node, h5 the <canvas> inside Taro's element (it may render a tick late). */
async function canvasNode(): Promise<CanvasNode | null> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const node = await new Promise<CanvasNode | null>((resolve) => {
      Taro.createSelectorQuery()
        .select(`#${CANVAS_ID}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode }[]) => resolve(res?.[0]?.node ?? null));
    });
    if (node && typeof node.getContext === 'function') return node;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

function loadImage(canvas: CanvasNode, src: string): Promise<LoadedImage | null> {
  if (!src) return Promise.resolve(null);
  return new Promise((resolve) => {
    const image = canvas.createImage ? canvas.createImage() : (Object.assign(new window.Image(), { crossOrigin: 'anonymous' }) as unknown as ReturnType<NonNullable<CanvasNode['createImage']>>);
    image.onload = () => resolve(image);
    image.onerror = () => resolve(null);
    image.src = src;
  });
}

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

/**
 * Saving needs scope.writePhotosAlbum: asked the first time; once refused, only the settings page
 * can grant it, so the shopper is sent there with a reason.
 */
async function saveToAlbum(canvas: CanvasNode): Promise<void> {
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas });
  const { authSetting } = await Taro.getSetting();
  const granted = (authSetting as Record<string, boolean | undefined>)['scope.writePhotosAlbum'];
  if (granted === false) {
    const modal = await Taro.showModal({ title: '需要相册权限', content: '保存海报需要允许访问你的相册', confirmText: '去设置' });
    if (!modal.confirm) return;
    const opened = await Taro.openSetting();
    if (!(opened.authSetting as Record<string, boolean | undefined>)['scope.writePhotosAlbum']) return toast('未获得相册权限');
  } else if (granted === undefined) {
    try {
      await Taro.authorize({ scope: 'scope.writePhotosAlbum' });
    } catch {
      return toast('未获得相册权限，可在设置中开启');
    }
  }
  await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
  toast('已保存到相册');
}

function download(dataUrl: string, code: string) {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = `weave-poster-${code}.png`;
  link.click();
}

const landingPath = (data: PosterData) => `/pages/home/index?scene=${encodeURIComponent(data.scene)}`;

/** 分享海报: my code on a poster of a product (or the store), saved to the album or shared. */
export default function PosterPage() {
  usePageView();
  const [target, setTarget] = useState<PosterTarget | null>(null);
  const [data, setData] = useState<PosterData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(false);
  const [preview, setPreview] = useState('');
  const canvasRef = useRef<CanvasNode | null>(null);

  useLoad((options) => setTarget(options.productId ? { type: 'product', id: options.productId } : { type: 'home' }));

  const load = async (t: PosterTarget) => {
    const reply = await referralService.poster(t);
    if (reply.ok) {
      setData(reply.data);
      setError(null);
    } else setError(reply.message);
  };

  useEffect(() => {
    if (target) void load(target);
  }, [target]);

  useEffect(() => {
    if (!data) return;
    let cancelled = false;
    void (async () => {
      const canvas = await canvasNode();
      if (!canvas || cancelled) return;
      canvas.width = POSTER_WIDTH * PIXEL_RATIO;
      canvas.height = POSTER_HEIGHT * PIXEL_RATIO;
      const [product, avatar, code] = await Promise.all([loadImage(canvas, data.product?.image ?? ''), loadImage(canvas, data.sharer.avatarUrl), loadImage(canvas, data.codeImage)]);
      if (cancelled) return;
      const images: PosterImages = { product, avatar, code };
      drawPoster(canvas.getContext('2d'), data, images);
      canvasRef.current = canvas;
      if (isH5 && canvas.toDataURL) setPreview(canvas.toDataURL('image/png'));
      setDrawn(true);
    })();
    return () => {
      cancelled = true;
    };
  }, [data]);

  useShareAppMessage(() => {
    trackShare('/packages/invite/poster/index', 'chat', data?.product?.id);
    return data ? { title: `${data.sharer.nickName} ${data.copy}`, path: landingPath(data), imageUrl: data.product?.image || undefined } : { title: '织物 Weave', path: '/pages/home/index' };
  });

  const save = async () => {
    const canvas = canvasRef.current;
    if (!canvas || !data) return;
    if (isH5) {
      if (preview) download(preview, data.code);
      return;
    }
    try {
      await saveToAlbum(canvas);
    } catch {
      toast('保存失败，请重试');
    }
  };

  const copyLink = () => {
    if (!data) return;
    const url = `${window.location.origin}${window.location.pathname}#${landingPath(data)}`;
    void Taro.setClipboardData({ data: url }).then(() => toast('链接已复制，发给好友吧'));
  };

  if (error) {
    return (
      <View className="page poster">
        <EmptyState icon={<Gift size={26} />} title="海报生成失败" description={error} actionText="重试" onAction={() => target && void load(target)} />
      </View>
    );
  }

  return (
    <View className={`page poster${drawn ? ' poster--drawn' : ''}`}>
      <View className="poster__frame" style={{ width: `${POSTER_WIDTH}px`, height: `${POSTER_HEIGHT}px` }}>
        <Canvas type="2d" id={CANVAS_ID} className={`poster__canvas${preview ? ' poster__canvas--hidden' : ''}`} style={{ width: `${POSTER_WIDTH}px`, height: `${POSTER_HEIGHT}px` }} />
        {preview ? <Image className="poster__preview" src={preview} style={{ width: `${POSTER_WIDTH}px`, height: `${POSTER_HEIGHT}px` }} showMenuByLongpress /> : null}
        {!drawn ? <Text className="poster__loading">海报生成中…</Text> : null}
      </View>
      <Text className="poster__hint">{isH5 ? '长按图片保存，或点击下载后分享给好友' : '保存海报到相册，或直接分享给好友'}</Text>
      {data ? <Text className="poster__code">{`我的邀请码 ${data.code}`}</Text> : null}
      <View className="poster__actions">
        <Button className="poster__btn" type="primary" disabled={!drawn} onClick={() => void save()}>
          {isH5 ? '下载海报' : '保存到相册'}
        </Button>
        {isH5 ? (
          <Button className="poster__btn" disabled={!data} onClick={copyLink}>
            复制链接
          </Button>
        ) : (
          <Button className="poster__btn" openType="share" disabled={!data}>
            分享给好友
          </Button>
        )}
      </View>
    </View>
  );
}
