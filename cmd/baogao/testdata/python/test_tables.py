"""Reads the tables of real baogao runs with pandas (pyarrow engine),
polars and DuckDB's Python client, the way a notebook does, and checks the
types each library gives, that the three agree on every value, and that
the offsets slice Python's strings exactly.

Also reads the same tables as the hive-partitioned datasets that
`baogao run -partition year` writes beside them (OUT/mentions/year=2021/
part-0.parquet, ...) with polars, DuckDB and pandas: the same rows, the
year typed and null where the document's year is unknown, and partition
pruning.

Driven by cmd/baogao/python_test.go (TestPythonReadsTables), which runs
baogao and sets:
  BAOGAO_RUNS  output directories of runs with -partition year, each
               named `out`, joined by os.pathsep
  BAOGAO_DOCS  Markdown files whose ```python and ```sql blocks are run
               as written against every run (README.md, SCHEMA.md)
"""

import datetime
import json
import math
import os
import re
import shutil
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

RUNS = [Path(p) for p in os.environ["BAOGAO_RUNS"].split(os.pathsep)]
DOCS = [Path(p) for p in os.environ["BAOGAO_DOCS"].split(os.pathsep)]
TABLES = ["documents", "mentions", "problems", "initiatives", "entities"]

# The columns of each type, as SCHEMA.md gives them.
DATES = {"documents": ["doc_date"], "initiatives": ["first_date", "last_date"]}
TIMESTAMPS = {"mentions": ["date_start", "date_end"]}
FLOATS = {"mentions": ["num", "num_low", "num_high"], "documents": ["encoding_confidence"]}
LISTS = {"initiatives": ["aliases"], "entities": ["aliases"]}
MAPS = {"documents": ["meta"]}


def path(run, table):
    return str(run / f"{table}.parquet")


def arrow_nullable_strings(run, table):
    """The nullable string columns of a table, from its Arrow schema."""
    schema = pq.read_schema(path(run, table))
    return [f.name for f in schema if f.nullable and pa.types.is_string(f.type)]


def params(tables=TABLES):
    return [pytest.param(run, t, id=f"{run.parent.name}-{t}") for run in RUNS for t in tables]


@pytest.mark.parametrize("run", RUNS, ids=lambda r: r.parent.name)
def test_runs_are_not_trivial(run):
    # The checks below mean something only if every kind of value occurs.
    m = pl.read_parquet(path(run, "mentions"))
    kinds = set(m["kind"].to_list())
    assert {"date", "number", "initiative"} <= kinds, kinds
    dates = m.filter(pl.col("kind") == "date")
    assert dates["date_start"].null_count() < dates.height
    assert m.filter(pl.col("grain") == "range").height > 0
    d = pl.read_parquet(path(run, "documents"))
    assert d["doc_date"].null_count() < d.height
    counts = json.loads((run / "manifest.json").read_text())["counts"]
    for t in TABLES:
        assert pq.read_metadata(path(run, t)).num_rows == counts[t], t


@pytest.mark.parametrize("run,table", params())
def test_row_counts_agree(run, table):
    n = pq.read_metadata(path(run, table)).num_rows
    assert len(pd.read_parquet(path(run, table), engine="pyarrow")) == n
    assert pl.read_parquet(path(run, table)).height == n
    assert duckdb.sql(f"SELECT count(*) FROM '{path(run, table)}'").fetchall()[0][0] == n


@pytest.mark.parametrize("run,table", params())
def test_pandas_types(run, table):
    df = pd.read_parquet(path(run, table), engine="pyarrow")
    for c in DATES.get(table, []):
        # datetime.date objects (not datetime.datetime, not strings), None for null.
        assert df[c].dtype == object, (c, df[c].dtype)
        for v in df[c]:
            assert v is None or (type(v) is datetime.date), (c, v)
    for c in TIMESTAMPS.get(table, []):
        assert df[c].dtype == "datetime64[us]", (c, df[c].dtype)
    for c in FLOATS.get(table, []):
        assert df[c].dtype == "float64", (c, df[c].dtype)
    for c in LISTS.get(table, []):
        # pyarrow hands pandas a list column as numpy arrays of str.
        for v in df[c]:
            assert isinstance(v, np.ndarray) and len(v) > 0 and all(isinstance(s, str) for s in v), (c, v)
    for c in MAPS.get(table, []):
        # A MAP is a list of (key, value) tuples by default ...
        for v in df[c]:
            assert v is None or (isinstance(v, list) and all(isinstance(p, tuple) and len(p) == 2 for p in v)), (c, v)
    # ... and the options the README gives make it a dict, and keep
    # nullable integers integers (Int32 with <NA>, not 2022.0).
    opt = pd.read_parquet(path(run, table), engine="pyarrow", dtype_backend="numpy_nullable",
                          to_pandas_kwargs={"maps_as_pydicts": "strict"})
    for c in MAPS.get(table, []):
        for v in opt[c]:
            assert v is None or (isinstance(v, dict) and v and all(isinstance(k, str) and isinstance(x, str) for k, x in v.items())), (c, v)
    for c in FLOATS.get(table, []):
        assert str(opt[c].dtype) == "Float64", (c, opt[c].dtype)
    for c in arrow_nullable_strings(run, table):
        assert str(df[c].dtype) == "str" and str(opt[c].dtype) == "string", (c, df[c].dtype, opt[c].dtype)
    for f in pq.read_schema(path(run, table)):
        if pa.types.is_integer(f.type):
            want = {32: "Int32", 64: "Int64"}[f.type.bit_width]
            assert str(opt[f.name].dtype) == want, (f.name, opt[f.name].dtype)
            if f.nullable:
                assert str(df[f.name].dtype) in ("float64", f"int{f.type.bit_width}"), (f.name, df[f.name].dtype)


@pytest.mark.parametrize("run,table", params())
def test_polars_types(run, table):
    df = pl.read_parquet(path(run, table))
    for c in DATES.get(table, []):
        assert df.schema[c] == pl.Date, (c, df.schema[c])
    for c in TIMESTAMPS.get(table, []):
        assert df.schema[c] == pl.Datetime("us"), (c, df.schema[c])
    for c in FLOATS.get(table, []):
        assert df.schema[c] == pl.Float64, (c, df.schema[c])
    for c in LISTS.get(table, []):
        assert df.schema[c] == pl.List(pl.String), (c, df.schema[c])
        for v in df[c].to_list():
            assert isinstance(v, list) and v, (c, v)
    for c in MAPS.get(table, []):
        assert df.schema[c] == pl.Map(pl.String, pl.String), (c, df.schema[c])
        for v in df[c].to_list():
            assert v is None or (isinstance(v, dict) and v), (c, v)
    for f in pq.read_schema(path(run, table)):
        if pa.types.is_integer(f.type):
            want = {32: pl.Int32, 64: pl.Int64}[f.type.bit_width]
            assert df.schema[f.name] == want, (f.name, df.schema[f.name])


@pytest.mark.parametrize("run,table", params())
def test_duckdb_types(run, table):
    rel = duckdb.sql(f"SELECT * FROM '{path(run, table)}'")
    types = dict(zip(rel.columns, map(str, rel.types)))
    want = {}
    want.update({c: "DATE" for c in DATES.get(table, [])})
    want.update({c: "TIMESTAMP" for c in TIMESTAMPS.get(table, [])})
    want.update({c: "DOUBLE" for c in FLOATS.get(table, [])})
    want.update({c: "VARCHAR[]" for c in LISTS.get(table, [])})
    want.update({c: "MAP(VARCHAR, VARCHAR)" for c in MAPS.get(table, [])})
    assert {c: types[c] for c in want} == want
    rows = rel.fetchall()
    idx = {c: i for i, c in enumerate(rel.columns)}
    for r in rows:
        for c in DATES.get(table, []):
            assert r[idx[c]] is None or type(r[idx[c]]) is datetime.date
        for c in TIMESTAMPS.get(table, []):
            assert r[idx[c]] is None or type(r[idx[c]]) is datetime.datetime
        for c in FLOATS.get(table, []):
            assert r[idx[c]] is None or type(r[idx[c]]) is float
        for c in LISTS.get(table, []):
            assert isinstance(r[idx[c]], list) and r[idx[c]]
        for c in MAPS.get(table, []):
            assert r[idx[c]] is None or (isinstance(r[idx[c]], dict) and r[idx[c]])


def normal(v):
    """One Python value for what the three libraries return for a cell."""
    if v is None or v is pd.NaT or v is pd.NA:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    if isinstance(v, np.ndarray):
        return [normal(x) for x in v.tolist()]
    if isinstance(v, list):
        if v and isinstance(v[0], tuple):
            return dict(v)
        return [normal(x) for x in v]
    if isinstance(v, np.generic):
        return v.item()
    return v


@pytest.mark.parametrize("run,table", params())
def test_libraries_agree(run, table):
    # Every cell, null or not, is the same value in pandas, polars and
    # DuckDB; nulls are nulls in all three, and no optional string is "".
    p = pd.read_parquet(path(run, table), engine="pyarrow")
    q = pl.read_parquet(path(run, table))
    rel = duckdb.sql(f"SELECT * FROM '{path(run, table)}'")
    d = rel.fetchall()
    assert list(p.columns) == q.columns == rel.columns
    for i, c in enumerate(rel.columns):
        pc = [normal(v) for v in p[c].tolist()]
        qc = [normal(v) for v in q[c].to_list()]
        dc = [normal(r[i]) for r in d]
        assert pc == qc, c
        assert qc == dc, c
    for c in arrow_nullable_strings(run, table):
        assert "" not in q[c].to_list(), f"{table}.{c} has empty strings; want null"
        assert p[c].isna().sum() == q[c].null_count(), c


@pytest.mark.parametrize("run", RUNS, ids=lambda r: r.parent.name)
def test_offsets_slice_python_strings(run):
    docs = dict(pl.read_parquet(path(run, "documents")).select("id", "text").iter_rows())
    m = pl.read_parquet(path(run, "mentions"))
    assert m.height > 0
    for r in m.iter_rows(named=True):
        text = docs[r["doc_id"]]
        assert text[r["start_char"]:r["end_char"]] == r["text"], r
        assert text.encode()[r["start"]:r["end"]].decode() == r["text"], r
        s, e = r["sent_start_char"], r["sent_end_char"]
        assert s <= r["start_char"] and r["end_char"] <= e, r
        assert r["text"] in text[s:e], r
    # polars' str.slice counts code points too, so the same offsets work
    # in a polars expression.
    j = m.join(pl.read_parquet(path(run, "documents")).select(pl.col("id").alias("doc_id"), pl.col("text").alias("doc_text")), on="doc_id")
    sliced = j.select(pl.col("doc_text").str.slice(pl.col("start_char"), pl.col("end_char") - pl.col("start_char")) == pl.col("text"))
    assert sliced.to_series().all()


@pytest.mark.parametrize("run", RUNS, ids=lambda r: r.parent.name)
def test_typed_values(run):
    # The typed columns agree with value, in Python's own types.
    m = pd.read_parquet(path(run, "mentions"), engine="pyarrow")
    dates = m[m.kind == "date"]
    placed = dates[dates.date_start.notna()]
    assert (placed.date_start < placed.date_end).all()
    days = placed[(placed.grain == "day") & ~placed.value.str.contains("/")]
    assert (days.date_start.dt.strftime("%Y-%m-%d") == days.value).all()
    assert ((days.date_end - days.date_start) == pd.Timedelta(days=1)).all()
    others = m[m.kind != "date"]
    assert others.date_start.isna().all() and others.date_end.isna().all()
    nums = m[m.kind == "number"]
    one = nums[nums.grain != "range"]
    one = one[one.num.notna()]
    assert (one.num == one.num_low).all() and (one.num == one.num_high).all()
    assert np.allclose(one.num, one.value.astype(float))
    ranges = nums[nums.grain == "range"]
    assert ranges.num.isna().all() and (ranges.num_low < ranges.num_high).all()
    assert m[m.kind != "number"][["num", "num_low", "num_high"]].isna().all().all()


# The tables -partition year also writes as datasets, and Hive's name for
# the partition of null (unknown years), which every reader here takes.
PARTITIONED = ["documents", "mentions", "problems"]
NULL_PARTITION = "year=__HIVE_DEFAULT_PARTITION__"


def dataset(run, table):
    return str(run / table / "**" / "*.parquet")


def partitions(run, table):
    return sorted(p.name for p in (run / table).iterdir())


def with_year(run, table):
    """The single-file table with a year column, its document's year, in
    the order a reader of the dataset returns it: partitions in path order
    (year=2021, ..., then year=__HIVE_DEFAULT_PARTITION__, which sorts
    after the digits), each in table order."""
    t = pl.read_parquet(path(run, table))
    if table == "documents":
        t = t.with_columns(year=pl.col("doc_year"))
    else:
        years = pl.read_parquet(path(run, "documents")).select(doc_id="id", year="doc_year")
        t = t.join(years, on="doc_id", how="left", maintain_order="left")
    return t.with_row_index("_row").sort("year", "_row", nulls_last=True).drop("_row")


@pytest.mark.parametrize("run", RUNS, ids=lambda r: r.parent.name)
def test_partition_layout(run):
    # One file per partition, named for its year; the files carry the
    # schema of the single-file table, without a year column; the
    # manifest says so and counts the tables' rows.
    manifest = json.loads((run / "manifest.json").read_text())
    assert manifest["partition"] == "year"
    for t in PARTITIONED:
        names = partitions(run, t)
        assert names, t
        total = 0
        for name in names:
            assert re.fullmatch(r"year=(\d{4}|__HIVE_DEFAULT_PARTITION__)", name), (t, name)
            files = os.listdir(run / t / name)
            assert files == ["part-0.parquet"], (t, name, files)
            f = run / t / name / "part-0.parquet"
            assert pq.read_schema(f).equals(pq.read_schema(path(run, t))), (t, name)
            total += pq.read_metadata(f).num_rows
        assert total == manifest["counts"][t], t


def test_partitions_are_not_trivial():
    # The checks below mean something only if some run has several years,
    # and documents and mentions of unknown year.
    assert any(len(partitions(run, "mentions")) >= 3 and NULL_PARTITION in partitions(run, "mentions")
               and NULL_PARTITION in partitions(run, "documents") for run in RUNS)


@pytest.mark.parametrize("run,table", params(PARTITIONED))
def test_polars_reads_partitions(run, table):
    # The same rows as the single file, each partition in table order; the
    # year an integer taken from the path, null for unknown years.
    want = with_year(run, table)
    typed = pl.scan_parquet(dataset(run, table), hive_partitioning=True, hive_schema={"year": pl.Int32}).collect()
    assert typed.schema["year"] == pl.Int32
    assert typed.columns == want.columns
    assert typed.equals(want)
    assert typed["year"].null_count() == want["year"].null_count()
    # Without a schema polars infers Int64 from the directory names, or
    # String when the only partition is the null one (a table without
    # rows, a corpus without dates).
    plain = pl.scan_parquet(dataset(run, table), hive_partitioning=True).collect()
    if partitions(run, table) != [NULL_PARTITION]:
        assert plain.schema["year"] == pl.Int64
        assert plain.with_columns(pl.col("year").cast(pl.Int32)).equals(want)


@pytest.mark.parametrize("run,table", params(PARTITIONED))
def test_duckdb_reads_partitions(run, table):
    single = f"'{path(run, table)}'"
    typed = f"read_parquet('{dataset(run, table)}', hive_partitioning = true, hive_types = {{'year': INTEGER}})"
    plain = f"read_parquet('{dataset(run, table)}', hive_partitioning = true)"
    one = lambda q: duckdb.sql(q).fetchall()[0][0]
    n = one(f"SELECT count(*) FROM {single}")
    assert one(f"SELECT count(*) FROM {typed}") == n
    # Every row once: nothing of the one side missing from the other.
    assert one(f"SELECT count(*) FROM (SELECT * FROM {single} EXCEPT ALL SELECT * EXCLUDE (year) FROM {typed})") == 0
    assert one(f"SELECT count(*) FROM (SELECT * EXCLUDE (year) FROM {typed} EXCEPT ALL SELECT * FROM {single})") == 0
    types = dict(duckdb.sql(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM {typed})").fetchall())
    assert types["year"] == "INTEGER"
    if partitions(run, table) != [NULL_PARTITION]:
        assert dict(duckdb.sql(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM {plain})").fetchall())["year"] == "BIGINT"
    # The year is the document's, null when it is unknown.
    docs = f"'{path(run, 'documents')}'"
    key = "id" if table == "documents" else "doc_id"
    assert one(f"SELECT count(*) FROM {typed} p JOIN {docs} d ON d.id = p.{key} WHERE p.year IS DISTINCT FROM d.doc_year") == 0
    assert one(f"SELECT count(*) FROM {typed} WHERE year IS NULL") == \
        one(f"SELECT count(*) FROM {single} p JOIN {docs} d ON d.id = p.{key} WHERE d.doc_year IS NULL")


@pytest.mark.parametrize("run,table", params(PARTITIONED))
def test_pandas_reads_partitions(run, table):
    # pyarrow infers a partition column as a dictionary, which cannot hold
    # the null partition ("Cannot yet unify dictionaries with nulls"):
    # pandas needs the partitioning spelled out, as SCHEMA.md gives it.
    part = ds.partitioning(pa.schema([("year", pa.int32())]), flavor="hive")
    df = pd.read_parquet(run / table, partitioning=part, dtype_backend="numpy_nullable")
    want = with_year(run, table)
    assert str(df["year"].dtype) == "Int32"
    assert list(df.columns) == want.columns
    assert [normal(v) for v in df["year"].tolist()] == want["year"].to_list()
    key = "id" if table == "documents" else "doc_id"
    assert df[key].tolist() == want[key].to_list()


@pytest.mark.parametrize("run", RUNS, ids=lambda r: r.parent.name)
def test_partition_pruning(run, tmp_path):
    # A filter on the year reads that year's file alone: DuckDB's plan
    # says so, and in a copy whose other files are garbage the filtered
    # query still answers, in DuckDB and polars, while a full scan fails.
    # The first file stays whole: both take the schema from it.
    names = partitions(run, "mentions")
    years = [n for n in names if n != NULL_PARTITION]
    if len(names) < 3 or len(years) < 2:
        pytest.skip(f"{run.parent.name}: mentions of {names}; pruning needs three partitions")
    y = int(years[1].removeprefix("year="))
    want = with_year(run, "mentions").filter(pl.col("year") == y).height
    assert want > 0
    plan = duckdb.sql(f"EXPLAIN ANALYZE SELECT count(*), sum(start) FROM read_parquet('{dataset(run, 'mentions')}', hive_partitioning = true) WHERE year = {y}").fetchall()[0][1]
    assert re.search(r"Total Files Read:\s*1\b", plan), plan

    copy = tmp_path / "mentions"
    shutil.copytree(run / "mentions", copy)
    spoiled = [n for n in names if n not in (names[0], f"year={y}")]
    for n in spoiled:
        (copy / n / "part-0.parquet").write_bytes(b"not a parquet file")
    glob = str(copy / "**" / "*.parquet")
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{glob}', hive_partitioning = true) WHERE year = {y}").fetchall()[0][0] == want
    assert pl.scan_parquet(glob, hive_partitioning=True).filter(pl.col("year") == y).select(pl.len()).collect().item() == want
    with pytest.raises(duckdb.Error):
        duckdb.sql(f"SELECT count(*) FROM read_parquet('{glob}', hive_partitioning = true)").fetchall()
    with pytest.raises(Exception):
        pl.scan_parquet(glob, hive_partitioning=True).select(pl.len()).collect()


SNIPPET = re.compile(r"^```(python|sql)\n(.*?)^```", re.S | re.M)


def snippets(lang):
    out = []
    for doc in DOCS:
        for i, (l, body) in enumerate(SNIPPET.findall(doc.read_text())):
            if l == lang:
                out.append(pytest.param(body, id=f"{doc.name}-{i}"))
    return out


def statements(body):
    lines = [l for l in body.splitlines() if not l.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


@pytest.mark.parametrize("body", snippets("sql"))
def test_documented_sql(body, monkeypatch):
    # Every SQL statement of the docs runs as written in DuckDB (paths
    # `out/...`, so from the directory holding the run) and returns rows
    # on at least one of the runs.
    for stmt in statements(body):
        rows = 0
        for run in RUNS:
            monkeypatch.chdir(run.parent)
            rows += len(duckdb.sql(stmt).fetchall())
        assert rows > 0, stmt


@pytest.mark.parametrize("body", snippets("python"))
def test_documented_python(body, monkeypatch):
    # Every Python block of the docs runs as written; what it loads has
    # the types the docs promise.
    for run in RUNS:
        monkeypatch.chdir(run.parent)
        ns = {}
        exec(compile(body, "snippet", "exec"), ns)
        frames = {k: v for k, v in ns.items() if isinstance(v, (pd.DataFrame, pl.DataFrame))}
        assert frames, "the snippet loads no table"
        for name, df in frames.items():
            if isinstance(df, pd.DataFrame):
                if "doc_date" in df.columns:
                    assert all(v is None or type(v) is datetime.date for v in df["doc_date"]), name
                if "meta" in df.columns:
                    assert all(v is None or isinstance(v, dict) for v in df["meta"]), name
                if "doc_year" in df.columns:
                    assert str(df["doc_year"].dtype) == "Int32", name
                if "date_start" in df.columns:
                    assert df["date_start"].dtype == "datetime64[us]", name
            else:
                if "doc_date" in df.columns:
                    assert df.schema["doc_date"] == pl.Date, name
                if "date_start" in df.columns:
                    assert df.schema["date_start"] == pl.Datetime("us"), name
