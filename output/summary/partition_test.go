package summary

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
)

// yearDocs returns documents of 2023, 2021 and unknown years in an order
// that interleaves them, with mentions and problems, so that a partition
// gathers rows from documents apart from one another: mentions numbered
// per document (m0, m1, ...) in their value column, problems in their
// message.
func yearDocs() []*corpus.Document {
	const unit = "今年新增床位35张，" // "this year 35 new beds"
	type spec struct {
		id       string
		date     corpus.Date
		mentions int
		problems int
		skip     string
	}
	specs := []spec{
		{"a", corpus.Date{Year: 2023, Month: 6, Day: 1}, 3, 0, ""},
		{"b", corpus.Date{}, 2, 1, ""},
		{"c", corpus.Date{Year: 2021}, 4, 0, ""}, // year only: doc_date null, doc_year 2021
		{"d", corpus.Date{Year: 2023, Month: 1, Day: 5}, 0, 2, ""},
		{"e", corpus.Date{Year: 2021, Month: 2, Day: 3}, 5, 1, ""},
		{"f", corpus.Date{}, 0, 1, "binary"},
		{"g", corpus.Date{Year: 2023, Month: 12, Day: 31}, 1, 0, ""},
	}
	var docs []*corpus.Document
	for _, s := range specs {
		d := &corpus.Document{ID: s.id, Path: "reports/" + s.id + ".txt", Date: s.date, Skip: s.skip, Encoding: "utf-8", Confidence: 1}
		if s.skip == "" {
			d.Text = strings.Repeat(unit, max(s.mentions, 1))
		}
		for j := range s.mentions {
			at := j*len(unit) + strings.Index(unit, "35")
			d.Mentions = append(d.Mentions, corpus.Mention{Kind: corpus.KindNumber, Span: corpus.Span{Start: at, End: at + len("35张")},
				Value: "35", Unit: "张", Rule: fmt.Sprintf("%s-m%d", s.id, j)})
		}
		for j := range s.problems {
			d.Problems = append(d.Problems, corpus.Problem{Stage: "read", Offset: -1, Err: fmt.Errorf("%s-p%d", s.id, j)})
		}
		docs = append(docs, d)
	}
	return docs
}

// partitionsOf lists the partition directories of a partitioned table
// with their rows, read with arrow-go.
func partitionsOf(t *testing.T, dir string) map[string][]map[string]any {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]map[string]any{}
	for _, e := range entries {
		files, err := os.ReadDir(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != 1 || files[0].Name() != PartFile {
			t.Errorf("%s/%s holds %v; want exactly %s", dir, e.Name(), files, PartFile)
		}
		_, rows := readTable(t, filepath.Join(dir, e.Name(), PartFile))
		parts[e.Name()] = rows
	}
	return parts
}

// TestPartition: every row of documents, mentions and problems lands in
// the partition of its document's year, exactly once and in the order of
// the single-file table, with that table's schema; unknown years go to
// Hive's default partition.
func TestPartition(t *testing.T) {
	for _, opts := range []Options{
		{},
		// Row groups of two rows in the tables and in the partitions, and a
		// byte bound that cuts a row group at every write.
		{RowGroupRows: 2},
		{RowGroupBytes: 1},
	} {
		t.Run(fmt.Sprintf("%+v", opts), func(t *testing.T) {
			dir, w := writeDocs(t, opts, yearDocs())
			counts, err := Partition(dir, PartitionYear, opts)
			if err != nil {
				t.Fatalf("Partition: %v", err)
			}
			tables := w.Counts()
			for _, k := range []string{"documents", "mentions", "problems"} {
				if counts[k] != tables[k] {
					t.Errorf("Partition copied %d %s; the table has %d", counts[k], k, tables[k])
				}
			}
			_, docs := readTable(t, filepath.Join(dir, DocumentsFile))
			yearOf := map[string]string{}
			for _, d := range docs {
				yearOf[d["id"].(string)] = "year=" + NullPartition
				if y := d["doc_year"]; y != nil {
					yearOf[d["id"].(string)] = fmt.Sprintf("year=%d", y)
				}
			}
			wantParts := []string{"year=2021", "year=2023", "year=" + NullPartition}
			for _, tc := range []struct{ file, sub, id string }{
				{DocumentsFile, DocumentsDir, "id"},
				{MentionsFile, MentionsDir, "doc_id"},
				{ProblemsFile, ProblemsDir, "doc_id"},
			} {
				schema, rows := readTable(t, filepath.Join(dir, tc.file))
				want := map[string][]map[string]any{}
				for _, r := range rows {
					y := yearOf[r[tc.id].(string)]
					want[y] = append(want[y], r)
				}
				got := partitionsOf(t, filepath.Join(dir, tc.sub))
				if keys := slices.Sorted(maps.Keys(got)); !slices.Equal(keys, wantParts) {
					t.Errorf("%s partitions = %v; want %v", tc.sub, keys, wantParts)
				}
				for part, rows := range want {
					if !reflect.DeepEqual(got[part], rows) {
						t.Errorf("%s/%s rows =\n%v\nwant the single table's rows of that year, in its order:\n%v", tc.sub, part, got[part], rows)
					}
				}
				for _, part := range wantParts {
					ps, _ := readTable(t, filepath.Join(dir, tc.sub, part, PartFile))
					if !ps.Equal(schema) {
						t.Errorf("%s/%s schema =\n%v\nwant the single table's:\n%v", tc.sub, part, ps, schema)
					}
				}
			}
		})
	}
}

// TestPartitionEmptyTable: a table without rows gets one file without
// rows, in the default partition, that readers can take the schema from.
func TestPartitionEmptyTable(t *testing.T) {
	docs := yearDocs()[:1] // a: 2023, three mentions, no problem
	dir, _ := writeDocs(t, Options{}, docs)
	counts, err := Partition(dir, PartitionYear, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if counts["problems"] != 0 {
		t.Errorf("problems copied = %d; want 0", counts["problems"])
	}
	got := partitionsOf(t, filepath.Join(dir, ProblemsDir))
	if rows, ok := got["year="+NullPartition]; len(got) != 1 || !ok || len(rows) != 0 {
		t.Errorf("problems partitions = %v; want one empty year=%s", got, NullPartition)
	}
	want, _ := readTable(t, filepath.Join(dir, ProblemsFile))
	if s, _ := readTable(t, filepath.Join(dir, ProblemsDir, "year="+NullPartition, PartFile)); !s.Equal(want) {
		t.Errorf("schema of the empty partition = %v; want %v", s, want)
	}
}

// TestPartitionDeterministic: the same tables give byte-identical
// partition files.
func TestPartitionDeterministic(t *testing.T) {
	var prev map[string][]byte
	for range 2 {
		dir, _ := writeDocs(t, Options{}, yearDocs())
		if _, err := Partition(dir, PartitionYear, Options{}); err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, sub := range []string{DocumentsDir, MentionsDir, ProblemsDir} {
			matches, _ := filepath.Glob(filepath.Join(dir, sub, "*", PartFile))
			for _, m := range matches {
				b, err := os.ReadFile(m)
				if err != nil {
					t.Fatal(err)
				}
				rel, _ := filepath.Rel(dir, m)
				files[rel] = b
			}
		}
		if prev != nil {
			if !reflect.DeepEqual(slices.Sorted(maps.Keys(files)), slices.Sorted(maps.Keys(prev))) {
				t.Fatalf("files %v, then %v", slices.Sorted(maps.Keys(prev)), slices.Sorted(maps.Keys(files)))
			}
			for k, b := range files {
				if !bytes.Equal(b, prev[k]) {
					t.Errorf("%s differs between two partitionings of the same tables", k)
				}
			}
		}
		prev = files
	}
}

func TestPartitionErrors(t *testing.T) {
	t.Run("unknown partitioning", func(t *testing.T) {
		dir, _ := writeDocs(t, Options{}, yearDocs())
		if _, err := Partition(dir, "month", Options{}); err == nil || !strings.Contains(err.Error(), `"month"`) || !strings.Contains(err.Error(), PartitionYear) {
			t.Errorf("Partition(month) = %v; want an error naming month and year", err)
		}
	})
	t.Run("twice", func(t *testing.T) {
		dir, _ := writeDocs(t, Options{}, yearDocs())
		if _, err := Partition(dir, PartitionYear, Options{}); err != nil {
			t.Fatal(err)
		}
		if _, err := Partition(dir, PartitionYear, Options{}); err == nil || !strings.Contains(err.Error(), "exists") {
			t.Errorf("second Partition = %v; want an error: the partitions exist", err)
		}
	})
	t.Run("mentions out of document order", func(t *testing.T) {
		// Tables a Writer cannot write: the mentions of b before those of a.
		dir := t.TempDir()
		docs, err := openTable[DocumentRow](dir, DocumentsFile, 10, 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		y := int32(2021)
		docs.write([]DocumentRow{{ID: "a", DocYear: &y}, {ID: "b"}})
		men, err := openTable[MentionRow](dir, MentionsFile, 10, 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		men.write([]MentionRow{{DocID: "b"}, {DocID: "a"}})
		prob, err := openTable[ProblemRow](dir, ProblemsFile, 10, 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range []interface{ close() error }{docs, men, prob} {
			if err := tb.close(); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := Partition(dir, PartitionYear, Options{}); !errors.Is(err, ErrOrder) || !strings.Contains(err.Error(), `"a"`) {
			t.Errorf("Partition = %v; want ErrOrder about doc_id a", err)
		}
	})
	t.Run("not a table of baogao", func(t *testing.T) {
		dir, _ := writeDocs(t, Options{}, yearDocs())
		// problems.parquet in the place of mentions.parquet
		b, err := os.ReadFile(filepath.Join(dir, ProblemsFile))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, MentionsFile), b, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Partition(dir, PartitionYear, Options{}); err == nil || !strings.Contains(err.Error(), MentionsFile) {
			t.Errorf("Partition = %v; want an error about %s", err, MentionsFile)
		}
	})
}
