import { render } from 'preact';
render(<p>Journey map panel placeholder</p>, document.getElementById('app')!);
