// Native WeChat custom components rendered from React on the weapp build (see src/native/).
// With the automatic JSX runtime, intrinsic elements live on React.JSX, hence the augmentation.
import 'react';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'weave-price': {
        fen: number;
        strike?: boolean;
        size?: 'sm' | 'md' | 'lg';
      };
    }
  }
}
