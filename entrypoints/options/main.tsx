import { render } from 'preact';
import { Options } from './Options';
import './options.css';
import { askForPersistentStorage } from '../../ext/persist';

void askForPersistentStorage(navigator);

render(<Options />, document.getElementById('app')!);
