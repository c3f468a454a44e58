import { setFlagsFromString } from 'node:v8';
import { installFrameComposer } from './render/installFrameComposer.js';

/**
 * Settings of the process that runs the console, made before Ink and React load.
 *
 * - React's production build unless NODE_ENV says otherwise: the development build
 *   checks every element and costs several times as much a frame. (The CLI bundle has
 *   only the production build: bin/bundle.js decides NODE_ENV when it bundles.)
 * - A tighter old-generation growth for V8 (25 % over the live heap after each full
 *   collection instead of up to 4×): every frame Ink lays out the whole screen anew,
 *   which is megabytes of short-lived objects a keypress, and V8's default growth lets a
 *   long session's resident memory sit far above what it uses (about 300 MB against a
 *   live heap under 40 MB at 160×48). Set at run time: the flag is read at each
 *   collection; the command line is not the console's to choose (`bin/duban.js` starts
 *   every command).
 * - Ink composing its frames with caches that outlive a frame (`installFrameComposer`).
 *
 * Returns what puts V8's flag back (to its default, 0) once the console has ended. V8
 * stamps the code it caches with its flags, and bin/duban.js saves the console's
 * compiled code as the process exits: stamped with the console's flag, the next start,
 * which runs with the default, could not use it.
 */
export async function prepareConsoleProcess(): Promise<() => void> {
  // Through a variable: the bundler replaces `process.env.NODE_ENV` itself with its constant.
  const env = process.env;
  env.NODE_ENV ??= 'production';
  setFlagsFromString('--heap-growing-percent=25');
  await installFrameComposer();
  return () => setFlagsFromString('--heap-growing-percent=0');
}
