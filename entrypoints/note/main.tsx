import { render } from 'preact';
import { NoteEditor } from './NoteEditor';
import './note.css';

const id = new URLSearchParams(location.search).get('id') ?? '';
render(<NoteEditor id={id} />, document.getElementById('app')!);
