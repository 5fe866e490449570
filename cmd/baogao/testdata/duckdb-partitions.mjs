// Reads the hive-partitioned tables of a `baogao run -partition year` with
// DuckDB (its Node.js client) beside the single-file tables, and prints
// one JSON object: per table the row counts, the rows of either side
// missing from the other, the type of year, its nulls and the rows whose
// year is not their document's; the plan of a query filtered on one year;
// and that query and a full scan over a copy of the mentions whose other
// files are garbage.
// Usage: node duckdb-partitions.mjs OUT YEAR SPOILED
import { DuckDBInstance } from '@duckdb/node-api';

const [out, year, spoiled] = process.argv.slice(2);
const con = await (await DuckDBInstance.create(':memory:')).connect();
const rows = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJson();
const one = async (sql) => Object.values((await rows(sql))[0])[0];
const hive = (glob, typed) => `read_parquet('${glob}', hive_partitioning = true${typed ? ", hive_types = {'year': INTEGER}" : ''})`;
const docs = `'${out}/documents.parquet'`;

const tables = {};
for (const t of ['documents', 'mentions', 'problems']) {
  const single = `'${out}/${t}.parquet'`;
  const typed = hive(`${out}/${t}/**/*.parquet`, true);
  const plain = hive(`${out}/${t}/**/*.parquet`, false);
  const key = t === 'documents' ? 'id' : 'doc_id';
  const yearType = async (from) => (await rows(`DESCRIBE SELECT year FROM ${from}`))[0].column_type;
  tables[t] = {
    rows: await one(`SELECT count(*) FROM ${single}`),
    partitioned: await one(`SELECT count(*) FROM ${typed}`),
    missing: await one(`SELECT count(*) FROM (SELECT * FROM ${single} EXCEPT ALL SELECT * EXCLUDE (year) FROM ${typed})`),
    extra: await one(`SELECT count(*) FROM (SELECT * EXCLUDE (year) FROM ${typed} EXCEPT ALL SELECT * FROM ${single})`),
    year_type: await yearType(plain),
    year_type_typed: await yearType(typed),
    null_years: await one(`SELECT count(*) FROM ${typed} WHERE year IS NULL`),
    unknown_years: await one(`SELECT count(*) FROM ${single} p JOIN ${docs} d ON d.id = p.${key} WHERE d.doc_year IS NULL`),
    wrong_years: await one(`SELECT count(*) FROM ${typed} p JOIN ${docs} d ON d.id = p.${key} WHERE p.year IS DISTINCT FROM d.doc_year`),
  };
}

const filtered = (glob) => `SELECT count(*) AS n, sum(start) AS s FROM ${hive(glob, false)} WHERE year = ${year}`;
const plan = (await rows(`EXPLAIN ANALYZE ${filtered(`${out}/mentions/**/*.parquet`)}`))[0].explain_value;
const spoiledGlob = `${spoiled}/**/*.parquet`;
let fullScan = '';
try {
  await rows(`SELECT count(*) FROM ${hive(spoiledGlob, false)}`);
} catch (e) {
  fullScan = String(e.message);
}
console.log(JSON.stringify({
  tables,
  year_rows: await one(`SELECT count(*) FROM '${out}/mentions.parquet' m JOIN ${docs} d ON d.id = m.doc_id WHERE d.doc_year = ${year}`),
  plan,
  spoiled_rows: (await rows(filtered(spoiledGlob)))[0].n,
  full_scan_error: fullScan,
}));
