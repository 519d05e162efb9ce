import { AbstractSqliteDriver } from 'typeorm/driver/sqlite-abstract/AbstractSqliteDriver';

type Escape = AbstractSqliteDriver['escapeQueryWithParameters'];

let installed = false;

/**
 * TypeORM's SQLite driver writes number parameters into the SQL text (`WHERE "id" = 1042`),
 * so every ticket id makes a new statement that SQLite parses and plans again, and its
 * statement cache never hits: at 100k tickets that was most of a comment's cost. Bound as
 * BigInt, integers stay `?` placeholders and keep SQLite's INTEGER type.
 */
export function bindSqliteIntegers(): void {
  if (installed) return;
  installed = true;
  const escape: Escape = AbstractSqliteDriver.prototype.escapeQueryWithParameters;
  AbstractSqliteDriver.prototype.escapeQueryWithParameters = function (
    this: AbstractSqliteDriver,
    sql,
    parameters,
    nativeParameters,
  ) {
    const bound = Object.fromEntries(
      Object.entries(parameters ?? {}).map(([key, value]) => [
        key,
        Number.isSafeInteger(value) ? BigInt(value as number) : value,
      ]),
    );
    return escape.call(this, sql, bound, nativeParameters);
  };
}
