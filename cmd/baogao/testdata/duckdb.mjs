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
  // The typed columns agree with value: a day is [day, day + 1 day), every
  // interval is non-empty, ranges are ordered, and every sentence holds
  // its mention.
  typed: await rows(`SELECT
      count(*) FILTER (WHERE kind = 'date') AS dates,
      count(*) FILTER (WHERE kind = 'date' AND date_start IS NOT NULL) AS placed,
      count(*) FILTER (WHERE kind = 'date' AND grain = 'day' AND value NOT LIKE '%/%' AND date_start IS NOT NULL
        AND (strftime(date_start, '%Y-%m-%d') <> value OR date_end <> date_start + INTERVAL 1 DAY)) AS bad_days,
      count(*) FILTER (WHERE date_start IS NOT NULL AND NOT date_start < date_end) AS bad_intervals,
      count(*) FILTER (WHERE kind = 'number') AS numbers,
      count(*) FILTER (WHERE kind = 'number' AND grain <> 'range' AND (num IS NULL OR num <> num_low OR num <> num_high)) AS bad_numbers,
      count(*) FILTER (WHERE kind = 'number' AND grain = 'range' AND (num IS NOT NULL OR NOT num_low < num_high)) AS bad_ranges,
      count(*) FILTER (WHERE NOT (sent_start_char <= start_char AND end_char <= sent_end_char)) AS bad_sentences
    FROM '${out}/mentions.parquet'`),
  growth: await rows(`SELECT m.text, m.num, substring(d.text, m.sent_start_char + 1, m.sent_end_char - m.sent_start_char) AS sentence
    FROM '${out}/mentions.parquet' m JOIN '${out}/documents.parquet' d ON d.id = m.doc_id
    WHERE m.kind = 'number' AND m.unit = '%' ORDER BY d.path, m.start LIMIT 1`),
}));
