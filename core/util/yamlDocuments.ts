/**
 * The parts of the YAML library that read documents with their line numbers. Modules on
 * every command's path import this lazily (`await import(...)`), so the library loads only
 * when a YAML file is read.
 */
export { isNode, LineCounter, parseDocument } from 'yaml';
