import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';

/**
 * The capture path's rows, read and written by hand instead of through MikroORM's unit of work: its
 * hydration (`em.map`) and change-set flush were ~23% of the webhook's CPU. The columns and their
 * conversions come from the entity's own metadata (its schema in ../schemas), so nothing is listed
 * twice and no column can be forgotten.
 */
type Row = Record<string, unknown>;
type Statement = [sql: string, params: unknown[]];

export class LockedRows<T extends object> {
  private readonly columns: ReadonlyArray<{ prop: EntityProperty<T>; column: string }>;
  private readonly setList: string;

  constructor(private readonly meta: EntityMetadata<T>) {
    this.columns = meta.props
      .filter((prop) => !prop.primary && prop.persist !== false && prop.fieldNames?.length === 1)
      .map((prop) => ({ prop, column: prop.fieldNames[0]! }));
    this.setList = this.columns
      .map(({ prop, column }) => `${column} = ?${isJson(prop) ? '::jsonb' : ''}`)
      .join(', ');
  }

  /** The entity from its row, not known to the identity map (so the ORM never writes it too). */
  fromRow(row: Row): T {
    const entity = Object.create(this.meta.class.prototype as object) as Record<string, unknown>;
    entity[this.meta.primaryKeys[0]!] = row[this.meta.properties[this.meta.primaryKeys[0]!].fieldNames[0]!];
    for (const { prop, column } of this.columns) entity[prop.name] = fromColumn(prop, row[column]);
    return entity as T;
  }

  /** One `update` of every mapped column but the id. */
  update(entity: T): Statement {
    const values = entity as Record<string, unknown>;
    const params = this.columns.map(({ prop }) =>
      isJson(prop) ? JSON.stringify(values[prop.name]) : (values[prop.name] ?? null),
    );
    const id = this.meta.primaryKeys[0]!;
    return [
      `update ${this.meta.tableName} set ${this.setList} where ${this.meta.properties[id].fieldNames[0]} = ?`,
      [...params, values[id]],
    ];
  }
}

// After discovery `type` names the mapping type (JsonType…); the column and runtime types say it plainly.
const isJson = (prop: EntityProperty) => /^jsonb?$/.test(prop.columnTypes?.[0] ?? '');
const isDate = (prop: EntityProperty) => prop.runtimeType === 'Date';

// timestamptz may arrive as text, jsonb already parsed or as text: as MikroORM's own hydration does.
function fromColumn(prop: EntityProperty, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isDate(prop)) return value instanceof Date ? value : new Date(value as string);
  if (isJson(prop)) return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return value;
}
