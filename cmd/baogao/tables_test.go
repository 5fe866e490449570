package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus/corpustest"
	"github.com/baogao/baogao/output/summary"
)

// tableFiles are the tables of a run, in the order the goldens list them.
var tableFiles = []string{summary.DocumentsFile, summary.MentionsFile, summary.InitiativesFile, summary.EntitiesFile, summary.ProblemsFile, summary.FilesFile, summary.LearnedFile}

// dumpTables writes every row of every table of out, read with arrow-go,
// as one JSON object per line (keys sorted), in file order. Paths and
// problem messages that hold the temporary directory are made relative.
func dumpTables(t *testing.T, out string, tmp ...string) map[string]string {
	t.Helper()
	dumps := map[string]string{}
	for _, f := range tableFiles {
		rows, _ := readTable(t, filepath.Join(out, f))
		var b strings.Builder
		for _, r := range rows {
			line, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			s := string(line)
			for _, p := range tmp {
				s = strings.ReplaceAll(s, p, "TMP")
			}
			b.WriteString(s)
			b.WriteByte('\n')
		}
		dumps[f] = b.String()
	}
	return dumps
}

// TestRunTablesGolden pins every cell of every table: an optimisation
// that changes what a run writes fails here, and updating the goldens
// (go test -run TablesGolden -update) shows the change for review. The
// sample corpus (written for this repository) is kept row by row; the
// shared corpora (seeds, and news transcripts split per item) by a digest
// of the same dump, so no text of theirs lands in the repository.
func TestRunTablesGolden(t *testing.T) {
	out := runOutput(t, sample)
	dumps := dumpTables(t, out)
	var all strings.Builder
	for _, f := range tableFiles {
		fmt.Fprintf(&all, "## %s\n%s", f, dumps[f])
	}
	corpustest.Golden(t, filepath.Join("testdata", "sample-tables.golden"), all.String())

	// The shared corpora: the seeds, and 30 news transcripts split per
	// item (copied, so the run sees just them).
	xwlb := sharedCorpus(t, "xwlb")
	news := filepath.Join(t.TempDir(), "xwlb")
	if err := os.Mkdir(news, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(xwlb)
	if err != nil {
		t.Fatal(err)
	}
	copied := 0
	for i, e := range entries {
		if i%40 != 0 || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(xwlb, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(news, e.Name()), string(b))
		copied++
	}
	if copied < 20 {
		t.Fatalf("only %d transcripts", copied)
	}
	var digests strings.Builder
	for _, c := range []struct {
		name string
		args []string
	}{
		{"seeds", []string{sharedCorpus(t, "seeds")}},
		{"xwlb-split", []string{"-split", "### ", news}},
	} {
		out := filepath.Join(t.TempDir(), "out")
		r := baogao(t, nil, append([]string{"run", "-out", out, "-progress", "none"}, c.args...)...)
		if r.code != exitOK && r.code != exitProblems {
			t.Fatalf("%s: exit %d\n%s", c.name, r.code, r.stderr)
		}
		dumps := dumpTables(t, out, news)
		for _, f := range tableFiles {
			fmt.Fprintf(&digests, "%s\t%s\t%d rows\t%x\n", c.name, f, strings.Count(dumps[f], "\n"), sha256.Sum256([]byte(dumps[f])))
		}
	}
	corpustest.Golden(t, filepath.Join("testdata", "shared-tables.golden"), digests.String())
}
