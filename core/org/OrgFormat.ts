/** The formats of an org file. */
export const ORG_FORMATS = ['yaml', 'csv'] as const;

/** One of {@link ORG_FORMATS}. */
export type OrgFormat = (typeof ORG_FORMATS)[number];
