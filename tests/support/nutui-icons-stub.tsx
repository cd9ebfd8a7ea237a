/**
 * @nutui/icons-react-taro for jsdom tests: every icon is an empty <i> naming itself, so a test can
 * check which icon shows without caring about its SVG. Add names as components start using them.
 */
type IconProps = { size?: number | string; color?: string; width?: number | string; height?: number | string; className?: string; onClick?: () => void };

function icon(name: string) {
  const C = ({ className, onClick }: IconProps) => <i className={className} data-icon={name} onClick={onClick} />;
  C.displayName = name;
  return C;
}

export const ArrowRight = icon('ArrowRight');
export const Cart = icon('Cart');
export const Category = icon('Category');
export const Checklist = icon('Checklist');
export const Coupon = icon('Coupon');
export const Gift = icon('Gift');
export const Home = icon('Home');
export const Location = icon('Location');
export const Order = icon('Order');
export const People = icon('People');
export const Scan = icon('Scan');
export const Shop = icon('Shop');
export const Star = icon('Star');
export const Store = icon('Store');
export const Tag = icon('Tag');
export const Shopping = icon('Shopping');
export const User = icon('User');
export const Jimi = icon('Jimi');
export const Purse = icon('Purse');
export const Retweet = icon('Retweet');
export const Notice = icon('Notice');
export const Footprint = icon('Footprint');
export const Presentation = icon('Presentation');
export const Service = icon('Service');
export const Reward = icon('Reward');
export const Share = icon('Share');
export const ToPay = icon('ToPay');
export const Package = icon('Package');
export const WaitReceive = icon('WaitReceive');
export const Refund = icon('Refund');
export const Apps = icon('Apps');
export const Calendar = icon('Calendar');
export const UserAdd = icon('UserAdd');
