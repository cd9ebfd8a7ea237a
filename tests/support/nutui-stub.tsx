/**
 * @nutui/nutui-react-taro for jsdom tests: the components Weave uses, reduced to the DOM a user
 * would read and tap (titles, descriptions, buttons), with the same props as the real ones.
 * Add a component here when a page starts using it.
 */
import React, { type ReactNode } from 'react';

type Base = { className?: string; style?: React.CSSProperties; children?: ReactNode };
type Clickable = { onClick?: (e: React.MouseEvent) => void };

export const Button = ({ children, className, style, onClick, disabled, loading, type }: Base & Clickable & { disabled?: boolean; loading?: boolean; type?: string }) => (
  <button type="button" className={className} style={style} onClick={onClick} disabled={disabled || loading} data-type={type}>
    {children}
  </button>
);

const CellGroup = ({ title, description, children, className }: Base & { title?: ReactNode; description?: ReactNode; divider?: boolean }) => (
  <section className={className}>
    {title ? <h3>{title}</h3> : null}
    {description ? <p>{description}</p> : null}
    {children}
  </section>
);

export const Cell = Object.assign(
  ({ title, description, extra, children, className, onClick }: Base & Clickable & { title?: ReactNode; description?: ReactNode; extra?: ReactNode; clickable?: boolean; align?: string }) => (
    <div role={onClick ? 'button' : undefined} className={className} onClick={onClick}>
      {title ? <div>{title}</div> : null}
      {description ? <div>{description}</div> : null}
      {children}
      {extra ? <div>{extra}</div> : null}
    </div>
  ),
  { Group: CellGroup },
);
export { CellGroup };

type GridItemProps = Base & Clickable & { text?: ReactNode };
export const GridItem = ({ text, children, className, onClick }: GridItemProps) => (
  <div role="button" className={className} onClick={onClick}>
    {children}
    <span>{text}</span>
  </div>
);
export const Grid = Object.assign(
  ({ children, className }: Base & { columns?: number | string; gap?: number | string; square?: boolean; center?: boolean; direction?: string }) => (
    <div className={className}>{children}</div>
  ),
  { Item: GridItem },
);

export const Empty = ({ image, title, description, actions, children, className }: Base & { image?: ReactNode; imageSize?: number | string; title?: ReactNode; description?: ReactNode; size?: string; status?: string; actions?: { text: ReactNode; onClick?: () => void }[] }) => (
  <div className={className}>
    {image}
    {title ? <div>{title}</div> : null}
    {description ? <div>{description}</div> : null}
    {actions?.map((a, i) => (
      <button type="button" key={i} onClick={a.onClick}>
        {a.text}
      </button>
    ))}
    {children}
  </div>
);

export const Avatar = ({ src, icon, children, className }: Base & { src?: string; icon?: ReactNode; size?: string; background?: string; color?: string; shape?: string }) => (
  <div className={className} data-testid="avatar">
    {src ? <img src={src} alt="头像" /> : icon}
    {children}
  </div>
);

export const Tag = ({ children, className, onClick }: Base & Clickable & { type?: string; plain?: boolean; round?: boolean; mark?: boolean; background?: string; color?: string }) => (
  <span className={className} onClick={onClick}>
    {children}
  </span>
);

export const Divider = ({ children, className }: Base & { direction?: string; contentPosition?: string }) => <div role="separator" className={className}>{children}</div>;

export const Skeleton = ({ children, visible = true }: Base & { visible?: boolean; rows?: number; animated?: boolean; title?: boolean }) =>
  visible ? <div aria-busy="true" /> : <>{children}</>;
