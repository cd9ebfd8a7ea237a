import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Empty } from '@nutui/nutui-react-taro';
import './index.scss';

export interface EmptyStateProps {
  /** a line icon from @nutui/icons-react-taro; drawn in a soft circle */
  icon: ReactNode;
  title: string;
  description?: string;
  actionText?: string;
  onAction?: () => void;
  className?: string;
}

/**
 * NutUI's Empty with the brand's own illustration (an icon in a sand circle) instead of NutUI's
 * remote stock pictures, which would also need their CDN on the domain whitelist.
 */
export function EmptyState({ icon, title, description, actionText, onAction, className = '' }: EmptyStateProps) {
  return (
    <Empty
      className={`empty-state ${className}`.trim()}
      image={<View className="empty-state__image">{icon}</View>}
      title={title}
      description={description}
      actions={actionText && onAction ? [{ text: actionText, onClick: onAction, type: 'primary', fill: 'solid' }] : []}
    />
  );
}

export default EmptyState;
