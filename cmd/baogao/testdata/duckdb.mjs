// Reads the tables of a baogao run with DuckDB, as a notebook would: the
// README's one-line queries, plus the column types. Prints one JSON object.
// Usage: node duckdb.mjs OUT
import { DuckDBInstance } from '@duckdb/node-api';

const out = process.argv[2];
const con = await (await DuckDBInstance.create(':memory:')).connect();
const rows = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJson();
const types = async (table) => Object.fromEntries(
  (await rows(`DESCRIBE SELECT * FROM '${out}/${table}.parquet'`)).map((r) => [r.column_name, r.column_type]));

console.log(JSON.stringify({
  documents: await types('documents'),
  mentions: await types('mentions'),
  initiatives: await types('initiatives'),
  joined: await rows(`SELECT d.title, m.text, m.value FROM '${out}/mentions.parquet' m
    JOIN '${out}/documents.parquet' d ON d.id = m.doc_id WHERE m.kind = 'initiative' ORDER BY d.path, m.start`),
  sliced: await rows(`SELECT count(*) AS bad FROM '${out}/mentions.parquet' m
    JOIN '${out}/documents.parquet' d ON d.id = m.doc_id
    WHERE substring(d.text, m.start_char + 1, m.end_char - m.start_char) <> m.text`),
}));
