package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
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
}
