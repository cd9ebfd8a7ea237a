/**
 * Manager: find a user by openid or nickname, see what the tag engine computed for them (lifecycle
 * tags, RFM and segment, interests, city and store) and keep their manual tags. The server checks
 * the manager role on every call; lifecycle tag names are refused as manual tags.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { isTierId, tierById } from '@/domain/tiers';
import { userTagsService, type TagUserSummary, type UserTagsView } from '@/services/analytics';
import { ManagerGate } from '../manager-gate';
import './index.scss';

function toast(title: string) {
  void Taro.showToast({ title, icon: 'none' });
}

const tierName = (tier: string) => (isTierId(tier) ? tierById(tier).name : tier);

function Chips({ items, empty, tone, onRemove }: { items: string[]; empty: string; tone?: 'accent' | 'quiet'; onRemove?: (tag: string) => void }) {
  if (items.length === 0) return <Text className="user-tags__none">{empty}</Text>;
  return (
    <View className="user-tags__chips">
      {items.map((t) => (
        <View key={t} className={`user-tags__chip user-tags__chip--${tone ?? 'plain'}`}>
          <Text>{t}</Text>
          {onRemove ? (
            <Text className="user-tags__chip-x" onClick={() => onRemove(t)}>
              ×
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}

export default function UserTagsPage() {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<TagUserSummary[] | null>(null);
  const [selected, setSelected] = useState<(TagUserSummary & { marketingOptOut: boolean }) | null>(null);
  const [tags, setTags] = useState<UserTagsView | null>(null);
  const [storeName, setStoreName] = useState<string | null>(null);
  const [newTag, setNewTag] = useState('');
  const [busy, setBusy] = useState(false);

  const open = async (openid: string) => {
    const reply = await userTagsService.user(openid);
    if (!reply.ok) return toast(reply.message);
    setSelected(reply.data.user);
    setTags(reply.data.tags);
    setStoreName(reply.data.storeName);
  };

  useLoad((params: Record<string, string | undefined>) => {
    if (params.openid) void open(decodeURIComponent(params.openid));
  });

  const search = async () => {
    const q = query.trim();
    if (!q) return toast('请输入用户ID或昵称');
    const reply = await userTagsService.search(q);
    if (!reply.ok) return toast(reply.message);
    setResults(reply.data.users);
    if (reply.data.users.length === 1) void open(reply.data.users[0].openid);
  };

  const change = async (patch: { add?: string[]; remove?: string[] }) => {
    if (!selected) return;
    setBusy(true);
    const reply = await userTagsService.setManual(selected.openid, patch);
    setBusy(false);
    if (!reply.ok) return toast(reply.message);
    setTags(reply.data.tags);
    setNewTag('');
    toast(patch.add ? '已添加标签' : '已移除标签');
  };

  const add = () => {
    const tag = newTag.trim();
    if (!tag) return toast('请输入标签');
    void change({ add: [tag] });
  };

  return (
    <ManagerGate>
      <View className="page user-tags">
        <View className="user-tags__search">
          <Input className="user-tags__input" value={query} placeholder="用户ID或昵称" onChange={(v) => setQuery(v)} onConfirm={() => void search()} />
          <Button size="small" type="primary" onClick={() => void search()}>
            查找
          </Button>
        </View>

        {results !== null && results.length === 0 ? <Text className="user-tags__none user-tags__none--block">没有找到该用户</Text> : null}
        {results && results.length > 1 ? (
          <View className="user-tags__results">
            {results.map((u) => (
              <View key={u.openid} className={`user-tags__result ${selected?.openid === u.openid ? 'user-tags__result--on' : ''}`} onClick={() => void open(u.openid)}>
                <Text className="user-tags__result-name">{u.nickName || u.openid}</Text>
                <Text className="user-tags__result-meta">
                  {tierName(u.tier)} · {u.openid}
                </Text>
              </View>
            ))}
          </View>
        ) : null}

        {selected ? (
          <View className="user-tags__card">
            <View className="user-tags__head">
              <Text className="user-tags__name">{selected.nickName || selected.openid}</Text>
              <Text className="user-tags__meta">
                {tierName(selected.tier)} · {selected.points}积分{selected.city ? ` · ${selected.city}` : ''}
              </Text>
              <Text className="user-tags__id">{selected.openid}</Text>
              {selected.marketingOptOut ? <Text className="user-tags__optout">已退出营销消息</Text> : null}
            </View>

            {tags ? (
              <>
                <Text className="user-tags__label">生命周期</Text>
                <Chips items={tags.lifecycleTags} empty="暂无" tone="accent" />
                <Text className="user-tags__label">RFM 分群</Text>
                {tags.rfm ? (
                  <View className="user-tags__rfm">
                    <Text className="user-tags__segment">{tags.segment}</Text>
                    <Text className="user-tags__score">R {tags.rfm.r}</Text>
                    <Text className="user-tags__score">F {tags.rfm.f}</Text>
                    <Text className="user-tags__score">M {tags.rfm.m}</Text>
                  </View>
                ) : (
                  <Text className="user-tags__none">尚未购买，暂无分群</Text>
                )}
                <Text className="user-tags__label">兴趣</Text>
                <Chips items={tags.interests} empty="暂无" tone="quiet" />
                <Text className="user-tags__label">城市与门店</Text>
                <Text className="user-tags__value">
                  {tags.city ?? '未知城市'} · {storeName ?? tags.storeId ?? '未选门店'}
                </Text>
                <Text className="user-tags__computed">计算于 {new Date(tags.computedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}</Text>
              </>
            ) : (
              <Text className="user-tags__none user-tags__none--block">标签尚未计算，将在今晚的标签任务中生成</Text>
            )}

            <Text className="user-tags__label">手动标签</Text>
            <Chips items={tags?.manualTags ?? []} empty="暂无手动标签" onRemove={busy ? undefined : (t) => void change({ remove: [t] })} />
            <View className="user-tags__add">
              <Input className="user-tags__input" value={newTag} placeholder="新标签，最多16个字" maxLength={16} onChange={(v) => setNewTag(v)} onConfirm={add} />
              <Button size="small" type="primary" fill="outline" disabled={busy} onClick={add}>
                添加
              </Button>
            </View>
          </View>
        ) : null}
      </View>
    </ManagerGate>
  );
}
