import { tab } from '../../ext/messages';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    tab.onMessage('pageState', () => ({ status: 'loading', url: location.href, title: document.title }));
  },
});
