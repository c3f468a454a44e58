import { render, type Instance, type RenderOptions } from 'ink';
import { createElement } from 'react';
import { App, type AppProps } from './components/App.js';

/**
 * Renders the console with Ink. Its own module, imported by `runTui` only once the
 * terminal is prepared: Ink and React load with it, and named imports (not a dynamic
 * `import('react')`, which in the bundle has only a default export) reach React's
 * CommonJS build.
 */
export function mountConsole(props: AppProps, options: RenderOptions): Instance {
  return render(createElement(App, props), options);
}
