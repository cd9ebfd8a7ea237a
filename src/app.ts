import { type PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { bindReferral, captureReferral } from '@/services/referral';
import { useSession } from '@/stores/session';
// Icon base styles once for the whole app; component styles come per component (babel.config.js).
import '@nutui/icons-react-taro/dist/style_icon.css';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    // A poster's code arrives in the launch query; it binds once the shopper is logged in.
    captureReferral(options?.query);
    // Roles decide which workspaces "我的" offers, so find out who this is as early as possible.
    void useSession
      .getState()
      .login()
      .then(() => (useSession.getState().status === 'ready' ? bindReferral() : undefined));
  });
  useDidShow((options) => {
    // A code scanned while the app was in the background (warm start).
    if (captureReferral(options?.query) && useSession.getState().status === 'ready') void bindReferral();
  });
  return children;
}

export default App;
