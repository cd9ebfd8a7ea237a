/**
 * @tarojs/components for jsdom tests: each component becomes the plain element H5 would render, so
 * tests can find text, roles and clicks. Taro-only props (hoverClass, mode ...) are dropped.
 */
import React, { type ReactNode } from 'react';

type Props = { children?: ReactNode; className?: string; style?: React.CSSProperties; onClick?: (e: unknown) => void } & Record<string, unknown>;

const DROP = new Set(['hoverClass', 'hoverStayTime', 'mode', 'lazyLoad', 'showMenuByLongpress', 'scrollY', 'scrollX', 'enhanced', 'showScrollbar', 'userSelect', 'selectable', 'openType', 'formType']);

function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (!DROP.has(k)) out[k] = v;
  return out;
}

function element(tag: string, displayName: string) {
  const C = (props: Props) => React.createElement(tag, domProps(props), props.children);
  C.displayName = displayName;
  return C;
}

export const View = element('div', 'View');
export const Text = element('span', 'Text');
export const ScrollView = element('div', 'ScrollView');
export const Swiper = element('div', 'Swiper');
export const SwiperItem = element('div', 'SwiperItem');
export const Navigator = element('a', 'Navigator');
export const Label = element('label', 'Label');
export const Block = ({ children }: { children?: ReactNode }) => React.createElement(React.Fragment, null, children);

export const Button = (props: Props) => React.createElement('button', { type: 'button', ...domProps(props) }, props.children);
export const Image = ({ src, className, style, onClick }: Props) =>
  React.createElement('img', { src: src as string, className, style, onClick, alt: '' });
export const Input = ({ value, placeholder, onInput, className }: Props) =>
  React.createElement('input', {
    value: value as string,
    placeholder: placeholder as string,
    className,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => (onInput as ((ev: unknown) => void) | undefined)?.({ detail: { value: e.target.value } }),
  });
