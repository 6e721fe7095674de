import { render } from 'preact';

render(<main><h1>Lede settings</h1></main>, document.getElementById('app')!);
