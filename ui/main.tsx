/** Entry of dist/ui.html: wire the controller to the sandbox and render. */
import { render } from 'preact';
import { sendToPlugin, listenToPlugin } from './bridge';
import { App } from './components/App';
import { PanelController } from './controller';
import './styles.css';

const controller = new PanelController({ send: sendToPlugin });
listenToPlugin((msg) => controller.handle(msg));
render(<App controller={controller} />, document.getElementById('app')!);
controller.start();
