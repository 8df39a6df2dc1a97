/** The part of JSON Schema the wire schemas use. */
export interface WireSchema {
  readonly $id?: string;
  readonly type?: string | readonly string[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, WireSchema>>;
  readonly items?: WireSchema;
  readonly not?: WireSchema;
  readonly const?: unknown;
}

/**
 * A copy of a checked value holding only the properties its schema declares, at every depth: what Graph adds later
 * (annotations, new properties) is not carried into cards or stored snapshots. Absent properties stay absent.
 */
export function keepDeclaredProperties(schema: WireSchema, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return schema.items ? value.map((item: unknown) => keepDeclaredProperties(schema.items as WireSchema, item)) : value;
  if (!schema.properties) return value;
  const source = value as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  // `for…in` over the schema's own plain object: no array is built per value, and a list reads many values.
  for (const name in schema.properties) {
    const property = source[name];
    if (property !== undefined) kept[name] = keepDeclaredProperties(schema.properties[name] as WireSchema, property);
  }
  return kept;
}
