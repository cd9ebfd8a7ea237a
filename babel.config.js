// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        // `import { Button } from '@nutui/nutui-react-taro'` becomes the one component plus its
        // compiled CSS (which reads our --nutui-* variables), so pages pay only for what they use.
        libraryName: '@nutui/nutui-react-taro',
        libraryDirectory: 'dist/esm',
        style: 'css',
        camel2DashComponentName: false,
      },
      'nutui-react-taro',
    ],
    [
      'import',
      {
        libraryName: '@nutui/icons-react-taro',
        customName: (name) => `@nutui/icons-react-taro/dist/es/icons/${name}`,
        camel2DashComponentName: false,
      },
      'nutui-icons-react-taro',
    ],
  ],
};
