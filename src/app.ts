import { type PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { useSession } from '@/stores/session';
// Icon base styles once for the whole app; component styles come per component (babel.config.js).
import '@nutui/icons-react-taro/dist/style_icon.css';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Roles decide which workspaces "我的" offers, so find out who this is as early as possible.
    void useSession.getState().login();
  });
  return children;
}

export default App;
