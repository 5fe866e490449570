package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/baogao/baogao/output"
	"github.com/baogao/baogao/output/summary"
)

// TestRunPartition runs the seeds and the sample corpus with and without
// -partition year: the partitioned tables are published inside OUT with
// the rest, every row of documents, mentions and problems is in the
// partition of its document's year, the single-file tables and the
// options hash are those of the run without the flag, and the manifest
// says how the tables are partitioned. A later run without the flag
// leaves no partition behind.
func TestRunPartition(t *testing.T) {
	roots := []string{sharedCorpus(t, "seeds"), sample}
	tmp := t.TempDir()
	plain, parted := filepath.Join(tmp, "plain", "out"), filepath.Join(tmp, "parted", "out")
	for _, c := range []struct {
		out   string
		flags []string
	}{{plain, nil}, {parted, []string{"-partition", "year"}}} {
		args := append(append([]string{"run", "-out", c.out, "-progress", "none"}, c.flags...), roots...)
		if r := baogao(t, nil, args...); r.code != exitOK {
			t.Fatalf("baogao %v: exit %d\n%s", args, r.code, r.stderr)
		}
	}
	mp, err := output.ReadManifest(plain)
	if err != nil {
		t.Fatal(err)
	}
	mq, err := output.ReadManifest(parted)
	if err != nil {
		t.Fatal(err)
	}
	if mq.Partition != summary.PartitionYear || mp.Partition != "" {
		t.Errorf("manifest partition = %q with -partition year, %q without; want %q and none", mq.Partition, mp.Partition, summary.PartitionYear)
	}
	if flags, _ := mq.Flags.(map[string]any); flags["partition"] != "year" {
		t.Errorf("manifest flags = %v; want partition year among them", mq.Flags)
	}
	if mq.OptionsHash != mp.OptionsHash {
		t.Errorf("options hash %s with -partition year, %s without; want the same: partitioning changes no row", mq.OptionsHash, mp.OptionsHash)
	}
	if !maps.Equal(mq.Counts, mp.Counts) {
		t.Errorf("counts %v with -partition year, %v without; want the same", mq.Counts, mp.Counts)
	}
	if _, ok := mq.Seconds["partition"]; !ok {
		t.Errorf("manifest seconds %v lack partition", mq.Seconds)
	}
	for _, f := range tableFiles {
		a, err := os.ReadFile(filepath.Join(plain, f))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(parted, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between runs with and without -partition year", f)
		}
	}
	if siblings, _ := os.ReadDir(filepath.Dir(parted)); len(siblings) != 1 {
		t.Errorf("beside OUT: %v; want OUT alone (the partitions are published with it)", siblings)
	}

	docs, _ := readTable(t, filepath.Join(parted, summary.DocumentsFile))
	yearOf := map[string]string{}
	for _, d := range docs {
		yearOf[d["id"].(string)] = summary.NullPartition
		if y := d["doc_year"]; y != nil {
			yearOf[d["id"].(string)] = fmt.Sprint(y)
		}
	}
	if years := slices.Compact(slices.Sorted(maps.Values(yearOf))); !slices.Contains(years, summary.NullPartition) || len(years) < 3 {
		t.Fatalf("document years %v: want two years or more and an unknown one, or this test checks little", yearOf)
	}
	for _, c := range []struct{ file, dir, id string }{
		{summary.DocumentsFile, summary.DocumentsDir, "id"},
		{summary.MentionsFile, summary.MentionsDir, "doc_id"},
		{summary.ProblemsFile, summary.ProblemsDir, "doc_id"},
	} {
		single, _ := readTable(t, filepath.Join(parted, c.file))
		want := map[string]int{}
		for _, r := range single {
			want[yearOf[r[c.id].(string)]]++
		}
		parts, err := filepath.Glob(filepath.Join(parted, c.dir, "year=*", summary.PartFile))
		if err != nil || len(parts) == 0 {
			t.Fatalf("%s: no partitions (%v)", c.dir, err)
		}
		got, total := map[string]int{}, 0
		for _, p := range parts {
			year := filepath.Base(filepath.Dir(p))[len("year="):]
			rows, _ := readTable(t, p)
			for _, r := range rows {
				if y := yearOf[r[c.id].(string)]; y != year {
					t.Errorf("%s: a row of %s, a document of %s", p, r[c.id], y)
				}
			}
			if len(rows) > 0 {
				got[year] = len(rows)
			}
			total += len(rows)
		}
		if !maps.Equal(got, want) || total != len(single) {
			t.Errorf("%s rows per year = %v (%d in all); want %v (%d), as in %s", c.dir, got, total, want, len(single), c.file)
		}
	}

	// Publishing replaces OUT whole: no partition outlives a run without
	// the flag.
	if r := baogao(t, nil, append([]string{"run", "-out", parted, "-progress", "none"}, roots...)...); r.code != exitOK {
		t.Fatalf("rerun: exit %d\n%s", r.code, r.stderr)
	}
	for _, d := range []string{summary.DocumentsDir, summary.MentionsDir, summary.ProblemsDir} {
		if _, err := os.Stat(filepath.Join(parted, d)); err == nil {
			t.Errorf("%s outlived a run without -partition", d)
		}
	}

	// An OUT whose files are all unchanged is not up to date for a run
	// that asks for partitions it lacks; once it has them, it is.
	again := append([]string{"run", "-out", plain, "-progress", "none", "-partition", "year"}, roots...)
	if r := baogao(t, nil, again...); r.code != exitOK || strings.Contains(r.stderr, "up to date") {
		t.Fatalf("-partition year over an unpartitioned OUT: exit %d\n%s", r.code, r.stderr)
	}
	for _, d := range []string{summary.DocumentsDir, summary.MentionsDir, summary.ProblemsDir} {
		if _, err := os.Stat(filepath.Join(plain, d)); err != nil {
			t.Errorf("-partition year over an unpartitioned OUT: %v", err)
		}
	}
	if r := baogao(t, nil, again...); r.code != exitOK || !strings.Contains(r.stderr, "up to date") {
		t.Errorf("-partition year again: exit %d, want up to date\n%s", r.code, r.stderr)
	}
}

// TestDuckDBReadsPartitions reads the partitioned tables of a run of the
// seeds and the sample corpus with DuckDB's Node.js client
// (testdata/duckdb-partitions.mjs): OUT/TABLE/**/*.parquet with
// hive_partitioning holds the rows of the single file, no more and no
// fewer; year is an integer, the document's year, and null where that is
// unknown; and a filter on one year reads that year's file alone, as the
// plan says and as a copy whose other files are garbage shows.
func TestDuckDBReadsPartitions(t *testing.T) {
	client := duckdbClient(t)
	out := filepath.Join(t.TempDir(), "out")
	if r := baogao(t, nil, "run", "-out", out, "-progress", "none", "-partition", "year", sharedCorpus(t, "seeds"), sample); r.code != exitOK {
		t.Fatalf("run: exit %d\n%s", r.code, r.stderr)
	}
	// Garbage in every mentions file but the first (DuckDB takes the
	// schema from it) and the one of the year asked for, not the first.
	parts, err := filepath.Glob(filepath.Join(out, summary.MentionsDir, "year=*"))
	if err != nil || len(parts) < 3 {
		t.Fatalf("mentions partitions %v (%v); want three or more", parts, err)
	}
	year := filepath.Base(parts[1])[len("year="):]
	spoiled := filepath.Join(t.TempDir(), "mentions")
	for i, p := range parts {
		b, err := os.ReadFile(filepath.Join(p, summary.PartFile))
		if err != nil {
			t.Fatal(err)
		}
		if i > 1 {
			b = []byte("not a parquet file")
		}
		writeFile(t, filepath.Join(spoiled, filepath.Base(p), summary.PartFile), string(b))
	}

	var got struct {
		// DuckDB's counts are BIGINT, which the client gives as strings.
		Tables map[string]struct {
			Rows, Partitioned, Missing, Extra string
			YearType                          string `json:"year_type"`
			YearTypeTyped                     string `json:"year_type_typed"`
			NullYears                         string `json:"null_years"`
			UnknownYears                      string `json:"unknown_years"`
			WrongYears                        string `json:"wrong_years"`
		}
		YearRows      string `json:"year_rows"`
		Plan          string
		SpoiledRows   string `json:"spoiled_rows"`
		FullScanError string `json:"full_scan_error"`
	}
	res := duckdbNode(t, client, "duckdb-partitions.mjs", out, year, spoiled)
	if err := json.Unmarshal(res, &got); err != nil {
		t.Fatalf("duckdb output %s: %v", res, err)
	}
	for _, name := range []string{"documents", "mentions", "problems"} {
		tb, ok := got.Tables[name]
		if !ok {
			t.Errorf("no result for %s: %s", name, res)
			continue
		}
		if tb.Partitioned != tb.Rows || tb.Missing != "0" || tb.Extra != "0" {
			t.Errorf("%s: %s rows in the partitions, %s in the single file; %s of its rows missing, %s extra; want the same rows",
				name, tb.Partitioned, tb.Rows, tb.Missing, tb.Extra)
		}
		if tb.YearTypeTyped != "INTEGER" {
			t.Errorf("%s: year with hive_types is %s; want INTEGER", name, tb.YearTypeTyped)
		}
		// Inferred from the directory names: an integer, unless the null
		// partition is the only one (problems: none in this run).
		if want := map[bool]string{true: "BIGINT", false: "VARCHAR"}[tb.Rows != "0"]; tb.YearType != want {
			t.Errorf("%s: year inferred as %s; want %s", name, tb.YearType, want)
		}
		if tb.NullYears != tb.UnknownYears || tb.WrongYears != "0" {
			t.Errorf("%s: %s rows of null year, %s of documents of unknown year; %s rows whose year is not their document's",
				name, tb.NullYears, tb.UnknownYears, tb.WrongYears)
		}
	}
	for _, name := range []string{"documents", "mentions"} {
		if got.Tables[name].NullYears == "0" {
			t.Errorf("%s: no row of unknown year; this run should have some", name)
		}
	}
	// The plan boxes wrap file names, so it is the count that is checked.
	if !regexp.MustCompile(`Total Files Read:\s*1\b`).MatchString(got.Plan) {
		t.Errorf("plan of a query on year %s reads more than one file:\n%s", year, got.Plan)
	}
	if got.SpoiledRows != got.YearRows || got.YearRows == "0" {
		t.Errorf("year %s over the spoiled copy: %s rows; want %s, as in mentions.parquet", year, got.SpoiledRows, got.YearRows)
	}
	if got.FullScanError == "" {
		t.Error("a full scan of the spoiled copy succeeded: the garbage files prove nothing")
	}
}
