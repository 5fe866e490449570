package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/baogao/baogao/output"
	"github.com/baogao/baogao/output/searchindex"
	"github.com/baogao/baogao/pipeline/segment"
)

// copyTree copies the files of src (a flat or nested corpus) under dst.
func copyTree(t *testing.T, src, dst string, keep func(name string, i int) bool) {
	t.Helper()
	i := 0
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		i++
		if keep != nil && !keep(rel, i-1) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		writeFile(t, filepath.Join(dst, rel), string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// searchQueries are the searches sameOutputs compares: words, phrases,
// single characters, booleans, fields, filters of every kind.
var searchQueries = []searchindex.Request{
	{Query: "医院"}, {Query: `"我为群众办实事"`}, {Query: "发展 OR 群众"}, {Query: "义"},
	{Query: "title:医院"}, {Query: "服务 -医院"}, {Query: ""}, {Query: "year:2021"},
	{Query: "工程", Kinds: []string{"person"}}, {Query: "经济"}, {Query: `"习近平"`}, {Query: "合作 AND 国际"},
}

// sameOutputs fails unless the outputs a and b hold the same rows, cell
// for cell, in every table, and their indexes give the same hits, scores,
// snippets and facets for searchQueries.
func sameOutputs(t *testing.T, a, b string) {
	t.Helper()
	da, db := dumpTables(t, a), dumpTables(t, b)
	for _, f := range tableFiles {
		if da[f] != db[f] {
			la, lb := strings.Split(da[f], "\n"), strings.Split(db[f], "\n")
			for i := 0; i < min(len(la), len(lb)); i++ {
				if la[i] != lb[i] {
					t.Errorf("%s differs at row %d:\n%s\n%s", f, i, clip(la[i], 300), clip(lb[i], 300))
					break
				}
			}
			if len(la) != len(lb) {
				t.Errorf("%s: %d rows and %d rows", f, len(la)-1, len(lb)-1)
			}
		}
	}
	j, err := segment.New(segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	open := func(dir string) []*searchindex.Index {
		ixs, err := searchindex.OpenSet(dir, j)
		if err != nil {
			t.Fatalf("open the index of %s: %v", dir, err)
		}
		t.Cleanup(func() {
			for _, ix := range ixs {
				ix.Close()
			}
		})
		return ixs
	}
	ia, ib := open(a), open(b)
	for _, req := range searchQueries {
		req.N, req.Facets, req.Highlight = 1000, 20, searchindex.HighlightHTML
		ra, err := searchindex.Search(context.Background(), ia, req)
		if err != nil {
			t.Fatal(err)
		}
		rb, err := searchindex.Search(context.Background(), ib, req)
		if err != nil {
			t.Fatal(err)
		}
		ra.Took, rb.Took = 0, 0
		if !reflect.DeepEqual(ra, rb) {
			t.Errorf("search %q %v: %d hits in %s, %d in %s (or they differ)", req.Query, req.Kinds, ra.Total, a, rb.Total, b)
		}
	}
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

func run2(t *testing.T, args ...string) result {
	t.Helper()
	r := baogao(t, nil, append([]string{"run", "-progress", "none"}, args...)...)
	if r.code != exitOK && r.code != exitProblems {
		t.Fatalf("run %v: exit %d\n%s", args, r.code, r.stderr)
	}
	return r
}

// TestIncremental changes, adds and deletes files of a copy of the seeds
// and the sample corpus and of news transcripts split per item: the
// incremental run over the earlier outputs writes what a fresh run does,
// row for row and hit for hit, and says what it carried.
func TestIncremental(t *testing.T) {
	for _, c := range []struct {
		name  string
		flags []string
		fill  func(t *testing.T, dir string)
	}{
		{"seeds", nil, func(t *testing.T, dir string) {
			copyTree(t, sharedCorpus(t, "seeds"), filepath.Join(dir, "seeds"), nil)
			copyTree(t, sample, filepath.Join(dir, "reports"), nil)
		}},
		{"xwlb-split", []string{"-split", "### "}, func(t *testing.T, dir string) {
			copyTree(t, sharedCorpus(t, "xwlb"), filepath.Join(dir, "xwlb"), func(name string, i int) bool {
				return strings.HasSuffix(name, ".md") && i%50 == 0
			})
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			corpusDir := t.TempDir()
			c.fill(t, corpusDir)
			roots, _ := filepath.Glob(filepath.Join(corpusDir, "*"))
			out := filepath.Join(t.TempDir(), "out")
			run2(t, append(append([]string{"-out", out}, c.flags...), roots...)...)

			// Unchanged: nothing is written.
			before := tree(t, out)
			r := run2(t, append(append([]string{"-out", out}, c.flags...), roots...)...)
			if !strings.Contains(r.stderr, "up to date") || !sameTree(before, tree(t, out)) {
				t.Fatalf("unchanged re-run rewrote the outputs:\n%s", r.stderr)
			}

			// Change one file, add one, delete one.
			var files []string
			filepath.WalkDir(corpusDir, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					files = append(files, p)
				}
				return nil
			})
			if len(files) < 4 {
				t.Fatalf("%d files", len(files))
			}
			b, _ := os.ReadFile(files[1])
			writeFile(t, files[1], string(b)+"\n2024年3月5日，市卫生健康委启动“健康守门人”工程，首批培训基层医生1200名。\n")
			if err := os.Remove(files[2]); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(filepath.Dir(files[0]), "zz_added.txt"), "2023年5月1日\n\n我院开展“我为群众办实事”实践活动，义诊服务群众约300人次，比上年增长15%。\n")

			r = run2(t, append(append([]string{"-out", out}, c.flags...), roots...)...)
			want := fmt.Sprintf("%d files unchanged (rows carried forward), 1 new, 1 changed, 1 deleted", len(files)-2)
			if !strings.Contains(r.stderr, want) {
				t.Errorf("incremental run says\n%s\nwant %q", r.stderr, want)
			}
			m, err := output.ReadManifest(out)
			if err != nil || m.Incremental == nil || m.Incremental.Changed != 1 {
				t.Errorf("manifest incremental = %+v, %v", m.Incremental, err)
			}
			fresh := filepath.Join(t.TempDir(), "fresh")
			run2(t, append(append([]string{"-out", fresh}, c.flags...), roots...)...)
			sameOutputs(t, out, fresh)

			// -full analyses everything, and writes the same.
			full := filepath.Join(t.TempDir(), "full")
			run2(t, append(append([]string{"-out", full}, c.flags...), roots...)...)
			r = run2(t, append(append([]string{"-out", full, "-full"}, c.flags...), roots...)...)
			if strings.Contains(r.stderr, "incremental") {
				t.Errorf("-full ran incrementally:\n%s", r.stderr)
			}
			sameOutputs(t, full, fresh)
		})
	}
}

// TestIncrementalLearnedNames: a new file that quotes a name confidently
// makes it learned; the unchanged files holding it unquoted are analysed
// again (and only they), and deleting the quote unlearns it the same way.
func TestIncrementalLearnedNames(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "reports")
	writeFile(t, filepath.Join(root, "a.txt"), "2022年4月1日\n\n全区推进清风廉洁守护工程，覆盖所有村社区。\n")
	writeFile(t, filepath.Join(root, "b.txt"), "2022年5月1日\n\n街道开展义诊活动，服务群众200人。\n")
	writeFile(t, filepath.Join(root, "c.txt"), "2022年6月1日\n\n清风廉洁守护持续推进，群众满意度提升。\n")
	out := filepath.Join(dir, "out")
	run2(t, "-out", out, root)
	writeFile(t, filepath.Join(root, "d.txt"), "2022年7月1日\n\n我区启动“清风廉洁守护”工程，建立监督员队伍300人。\n")
	r := run2(t, "-out", out, root)
	if !strings.Contains(r.stderr, "1 new, 0 changed, 0 deleted; 2 unchanged analysed again for 1 changed learned names") {
		t.Errorf("adding a quote:\n%s", r.stderr)
	}
	fresh := filepath.Join(dir, "fresh")
	run2(t, "-out", fresh, root)
	sameOutputs(t, out, fresh)
	rows, _ := readTable(t, filepath.Join(out, "mentions.parquet"))
	found := 0
	for _, m := range rows {
		if m["kind"] == "initiative" && m["value"] == "清风廉洁守护" {
			found++
		}
	}
	if found < 3 {
		t.Errorf("the learned name is found %d times; want it in a, c and d", found)
	}

	if err := os.Remove(filepath.Join(root, "d.txt")); err != nil {
		t.Fatal(err)
	}
	r = run2(t, "-out", out, root)
	if !strings.Contains(r.stderr, "0 new, 0 changed, 1 deleted; 2 unchanged analysed again for 1 changed learned names") {
		t.Errorf("deleting the quote:\n%s", r.stderr)
	}
	fresh2 := filepath.Join(dir, "fresh2")
	run2(t, "-out", fresh2, root)
	sameOutputs(t, out, fresh2)
}

// TestIncrementalOptionsChanged: other options mean a full run, and the
// run says which.
func TestIncrementalOptionsChanged(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	run2(t, "-out", out, sample)
	r := run2(t, "-out", out, "-split", "### ", sample)
	if !strings.Contains(r.stderr, `analysing every file`) || !strings.Contains(r.stderr, `-split`) || strings.Contains(r.stderr, "incremental:") {
		t.Errorf("a changed -split:\n%s", r.stderr)
	}
	r = run2(t, "-out", out, "-learn=false", "-split", "### ", sample)
	if !strings.Contains(r.stderr, `-learn true → false`) {
		t.Errorf("a changed -learn:\n%s", r.stderr)
	}
	// An index this baogao does not read (another format) is not carried.
	tables, _ := filepath.Glob(filepath.Join(out, "index", "*", "docs.gob.zst"))
	top, _ := filepath.Glob(filepath.Join(out, "index", "docs.gob.zst"))
	if tables = append(tables, top...); len(tables) == 0 {
		t.Fatalf("no docs table under %s", filepath.Join(out, "index"))
	}
	for _, p := range tables {
		if err := os.WriteFile(p, []byte("not a docs table"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r = run2(t, "-out", out, "-learn=false", "-split", "### ", sample)
	if !strings.Contains(r.stderr, `the previous index does not read`) || !strings.Contains(r.stderr, `analysing every file`) {
		t.Errorf("an unreadable index:\n%s", r.stderr)
	}
	if r := baogao(t, nil, "search", "-index", out, "-n", "1", "医院"); r.code != exitOK {
		t.Errorf("search after the full run: exit %d\n%s", r.code, r.stderr)
	}
}

// TestShardsMerge runs the corpus in three shards, as three machines
// would, and merges them: the merged output holds the rows a single run
// writes, its index (the shards' as parts) gives the same hits, and
// search and serve take the shards directly too.
func TestShardsMerge(t *testing.T) {
	dir := t.TempDir()
	roots := []string{sharedCorpus(t, "seeds"), sample}
	lex := filepath.Join(dir, "lexicon.tsv")
	if r := baogao(t, nil, append([]string{"learn", "-out", lex}, roots...)...); r.code != exitOK {
		t.Fatalf("learn: %d\n%s", r.code, r.stderr)
	}
	var shards []string
	for i := range 3 {
		sh := filepath.Join(dir, fmt.Sprintf("shard%d", i))
		run2(t, append([]string{"-out", sh, "-shard", fmt.Sprintf("%d/3", i), "-lexicon", lex}, roots...)...)
		shards = append(shards, sh)
	}
	merged := filepath.Join(dir, "merged")
	r := baogao(t, nil, append([]string{"merge", "-out", merged}, shards...)...)
	if r.code != exitOK {
		t.Fatalf("merge: %d\n%s", r.code, r.stderr)
	}
	single := filepath.Join(dir, "single")
	run2(t, append([]string{"-out", single, "-learn=false", "-lexicon", lex}, roots...)...)
	sameOutputs(t, merged, single)

	// search over the shards themselves.
	args := []string{"search", "-json", "-n", "100"}
	for _, sh := range shards {
		args = append(args, "-index", sh)
	}
	var viaShards, viaSingle searchJSON
	for _, c := range []struct {
		args []string
		to   *searchJSON
	}{{append(args, "医院 OR 群众"), &viaShards}, {[]string{"search", "-json", "-n", "100", "-index", single, "医院 OR 群众"}, &viaSingle}} {
		r := baogao(t, nil, c.args...)
		if r.code != exitOK || json.Unmarshal([]byte(r.stdout), c.to) != nil {
			t.Fatalf("%v: %d\n%s", c.args, r.code, r.stderr)
		}
	}
	if viaShards.Total != viaSingle.Total || len(viaShards.Hits) != len(viaSingle.Hits) {
		t.Fatalf("search over the shards: %d hits; over a single run %d", viaShards.Total, viaSingle.Total)
	}
	for i := range viaShards.Hits {
		if viaShards.Hits[i].ID != viaSingle.Hits[i].ID || viaShards.Hits[i].Score != viaSingle.Hits[i].Score {
			t.Errorf("hit %d: %s %.4f over the shards, %s %.4f over a single run", i, viaShards.Hits[i].ID, viaShards.Hits[i].Score, viaSingle.Hits[i].ID, viaSingle.Hits[i].Score)
		}
	}
	s := startServe(t, shards...)
	var res apiSearch
	s.ok(t, "/api/search?size=0&q="+q("医院 OR 群众"), &res)
	if res.Total != int(viaSingle.Total) {
		t.Errorf("serve over the shards: %d hits; want %d", res.Total, viaSingle.Total)
	}

	// What merge refuses.
	for _, c := range []struct {
		shards []string
		says   string
	}{
		{shards[:2], "shards 2/3 are missing"},
		{[]string{shards[0], shards[0], shards[1], shards[2]}, "both shard 0/3"},
		{[]string{single}, "not the output of a shard"},
	} {
		r := baogao(t, nil, append([]string{"merge", "-out", filepath.Join(t.TempDir(), "m")}, c.shards...)...)
		if r.code != exitFatal || !strings.Contains(r.stderr, c.says) {
			t.Errorf("merge %v: exit %d, %q; want 1 saying %q", c.shards, r.code, r.stderr, c.says)
		}
	}
	other := filepath.Join(dir, "other")
	run2(t, append([]string{"-out", other, "-shard", "2/3", "-lexicon", lex, "-split", "### "}, roots...)...)
	r = baogao(t, nil, "merge", "-out", filepath.Join(t.TempDir(), "m"), shards[0], shards[1], other)
	if r.code != exitFatal || !strings.Contains(r.stderr, "analysed unlike") {
		t.Errorf("merge of shards analysed unlike: exit %d, %q", r.code, r.stderr)
	}
	r = baogao(t, nil, "run", "-out", filepath.Join(t.TempDir(), "x"), "-shard", "3/3", sample)
	if r.code != exitUsage || !strings.Contains(r.stderr, "0 ≤ i < n") {
		t.Errorf("-shard 3/3: exit %d, %q", r.code, r.stderr)
	}
	r = baogao(t, nil, "run", "-out", filepath.Join(t.TempDir(), "x"), "-shard", "0/3", "-learn", sample)
	if r.code != exitUsage || !strings.Contains(r.stderr, "baogao learn") {
		t.Errorf("-shard with -learn: exit %d, %q", r.code, r.stderr)
	}
}
