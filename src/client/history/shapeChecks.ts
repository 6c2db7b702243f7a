// Type guards for reading back what this extension stored earlier: the data may come from another version
// of the extension, or be damaged, so nothing is trusted by its TypeScript type alone.

export type Shape = Record<string, unknown>;

export const isShape = (value: unknown): value is Shape => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isString = (value: unknown): value is string => typeof value === 'string';
export const isStringRecord = (value: unknown): value is Record<string, string> => isShape(value) && Object.values(value).every(isString);
export const optional = (value: unknown, check: (v: unknown) => boolean): boolean => value === undefined || check(value);
