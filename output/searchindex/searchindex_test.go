package searchindex

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/segment"
)

// testJieba is loaded once for the test binary: loading takes a second
// and 100 MB.
var testJieba *segment.Jieba

func TestMain(m *testing.M) {
	j, err := segment.New(segment.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "segment.New:", err)
		os.Exit(1)
	}
	testJieba = j
	os.Exit(m.Run())
}

// testAnalyzer cuts without kept words.
func testAnalyzer() Analyzer { return Analyzer{Jieba: testJieba} }

// readDoc reads a fixture: an optional front matter between "---" lines
// (title, date as YYYY[-MM[-DD]], initiative repeated), then the text.
// The ID is the file name without .txt.
func readDoc(t testing.TB, path string) *corpus.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(path)
	doc := &corpus.Document{ID: strings.TrimSuffix(name, ".txt"), Path: "docs/" + name, Encoding: "utf-8"}
	text := string(b)
	if rest, ok := strings.CutPrefix(text, "---\n"); ok {
		head, body, ok := strings.Cut(rest, "---\n")
		if !ok {
			t.Fatalf("%s: front matter not closed", path)
		}
		for _, line := range strings.Split(strings.TrimSpace(head), "\n") {
			key, val, _ := strings.Cut(line, ": ")
			switch key {
			case "title":
				doc.Title = val
			case "date":
				doc.Date = parseDate(t, val)
			case "initiative":
				// The span is where the name occurs, as the extractor would
				// report it; the index only reads the Value.
				i := max(strings.Index(body, val), 0)
				doc.Mentions = append(doc.Mentions, corpus.Mention{Kind: corpus.KindInitiative,
					Span: corpus.Span{Start: i, End: i + len(val)}, Value: val})
			default:
				t.Fatalf("%s: unknown front matter key %q", path, key)
			}
		}
		text = body
	}
	doc.Text = text
	return doc
}

// parseDate parses YYYY, YYYY-MM or YYYY-MM-DD.
func parseDate(t testing.TB, s string) corpus.Date {
	t.Helper()
	var d corpus.Date
	for i, part := range strings.Split(s, "-") {
		n, err := strconv.Atoi(part)
		if err != nil || i > 2 {
			t.Fatalf("bad date %q", s)
		}
		*[]*int{&d.Year, &d.Month, &d.Day}[i] = n
	}
	return d
}

// buildCase indexes testdata/<name>/docs into a new index and opens it.
func buildCase(t testing.TB, name string) *Index {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", name, "docs", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no documents in testdata/%s/docs (%v)", name, err)
	}
	var docs []*corpus.Document
	for _, p := range paths {
		docs = append(docs, readDoc(t, p))
	}
	return buildIndex(t, docs)
}

// buildIndex writes docs to a fresh index and opens it for searching.
func buildIndex(t testing.TB, docs []*corpus.Document) *Index {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	w, err := Create(dir, testAnalyzer())
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	for _, d := range docs {
		if err := w.Add(d); err != nil {
			t.Fatalf("Add(%s): %v", d.ID, err)
		}
	}
	if err := w.Finish(); err != nil {
		t.Fatalf("Finish: %v", err)
	}
	ix, err := Open(dir, testJieba)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// searchCase is one line of searches.txt:
//
//	query<TAB>expected IDs in rank order, space-separated, "-" for none[<TAB>options]
//
// Options are space-separated: after=DATE, before=DATE, initiative=NAME
// (repeatable). Lines starting with # are comments.
type searchCase struct {
	line int
	req  Request
	want []string
}

func readSearches(t *testing.T, path string) []searchCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []searchCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 || len(cols) > 3 {
			t.Fatalf("%s:%d: want query<TAB>ids[<TAB>options], got %q", path, n, line)
		}
		s := searchCase{line: n, req: Request{Query: cols[0], N: 20}}
		if cols[1] != "-" {
			s.want = strings.Fields(cols[1])
		}
		if len(cols) == 3 {
			for _, opt := range strings.Fields(cols[2]) {
				key, val, _ := strings.Cut(opt, "=")
				switch key {
				case "after":
					s.req.After = parseDate(t, val)
				case "before":
					s.req.Before = parseDate(t, val)
				case "initiative":
					s.req.Initiatives = append(s.req.Initiatives, val)
				default:
					t.Fatalf("%s:%d: unknown option %q", path, n, opt)
				}
			}
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSearches runs every testdata/<case>/searches.txt against an index of
// testdata/<case>/docs.
func TestSearches(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join("testdata", "*", "searches.txt"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no search cases (%v)", err)
	}
	for _, path := range cases {
		name := filepath.Base(filepath.Dir(path))
		t.Run(name, func(t *testing.T) {
			ix := buildCase(t, name)
			for _, s := range readSearches(t, path) {
				t.Run(fmt.Sprintf("line%d", s.line), func(t *testing.T) {
					res, err := ix.Search(context.Background(), s.req)
					if err != nil {
						t.Fatalf("Search(%+v): %v", s.req, err)
					}
					var got []string
					for _, h := range res.Hits {
						got = append(got, h.ID)
					}
					if !slices.Equal(got, s.want) {
						t.Errorf("%s:%d: Search(%+v) = %v; want %v", path, s.line, s.req, got, s.want)
					}
					if res.Total != uint64(len(s.want)) {
						t.Errorf("%s:%d: Search(%q).Total = %d; want %d", path, s.line, s.req.Query, res.Total, len(s.want))
					}
				})
			}
		})
	}
}
