import { readFile } from 'node:fs/promises';

/** What {@link readInputFile} read, and the name messages give it. */
export interface InputFile {
  /** The path as given, or `<stdin>` for `-`. */
  readonly name: string;
  readonly bytes: Buffer;
}

/**
 * Reads a file a command takes as input, `-` meaning standard input (`… | duban org
 * import -`), as command-line tools do.
 *
 * @throws the file system's error when the file cannot be read.
 */
export async function readInputFile(file: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<InputFile> {
  if (file !== '-') return { name: file, bytes: await readFile(file) };
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return { name: '<stdin>', bytes: Buffer.concat(chunks) };
}
