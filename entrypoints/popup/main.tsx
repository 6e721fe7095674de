import { render } from 'preact';
import { Popup } from './Popup';
import './popup.css';
import { askForPersistentStorage } from '../../ext/persist';

void askForPersistentStorage(navigator);

// The benchmark's clock starts when the popup's code starts, and stops at the first commit of the
// article view (performance mark `lede:popup-rendered`).
const moduleStart = performance.now();

function firstRender(highlights: number): void {
  const shown = document.querySelectorAll('[data-testid="note"]').length;
  performance.mark('lede:popup-rendered', { detail: { ms: performance.now() - moduleStart, highlights, shown } });
}

render(<Popup onFirstRender={firstRender} />, document.getElementById('app')!);
