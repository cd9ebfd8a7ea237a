/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.jpg' {
  const src: string;
  export default src;
}
declare module '*.svg' {
  const src: string;
  export default src;
}
declare module '*.txt' {
  const text: string;
  export default text;
}
declare module '*.css';
declare module '*.scss';

// Build-time constants (config/index.ts defineConstants). `var` rather than `const` so a test can
// set them on globalThis, which is where they live when the code runs without Taro's build.
/** WeChat cloud environment id for Taro.cloud.init (from WEAVE_CLOUD_ENV). */
// eslint-disable-next-line no-var
declare var CLOUD_ENV_ID: string;
/** H5 only: base URL of the local CloudBase HTTP gateway (from WEAVE_LOCAL_API_BASE); '' = same origin. */
// eslint-disable-next-line no-var
declare var LOCAL_API_BASE: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform Taro is building for; branches on it are removed from other platforms' bundles. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony';
  }
}
