/** The engine's version; plugins declare a semver range against it. Kept equal to package.json by a test. */
export const ENGINE_VERSION = '0.1.0';
