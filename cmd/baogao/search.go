package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/output/searchindex"
	"github.com/baogao/baogao/pipeline/extract/initiative"
	"github.com/baogao/baogao/pipeline/segment"
)

// searchJSON is the output of `baogao search -json`: one object.
type searchJSON struct {
	Query  string                         `json:"query"`
	Total  uint64                         `json:"total"`
	TookMS float64                        `json:"took_ms"`
	From   int                            `json:"from"`
	Hits   []searchindex.Hit              `json:"hits"`
	Facets map[string][]searchindex.Facet `json:"facets"`
}

func runSearch(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("search", "search -index DIR [flags] QUERY", stderr)
	indexDir := fs.String("index", "", "`directory` of a run's output (OUT) or its index (OUT/index)")
	asJSON := fs.Bool("json", false, "print one JSON object: query, total, took_ms, from, hits (id, path, title, date, score, snippets), facets")
	n := fs.Int("n", 10, "number of hits (0: only the count and the facets)")
	from := fs.Int("from", 0, "skip this many hits first (paging)")
	after := fs.String("after", "", "only documents dated on or after this `date` (YYYY-MM-DD)")
	before := fs.String("before", "", "only documents dated on or before this `date` (YYYY-MM-DD)")
	var inits stringList
	fs.Var(&inits, "initiative", "only documents mentioning this initiative (any written form: 乡村振兴战略 finds 乡村振兴; repeatable)")
	facets := fs.Int("facets", 10, "list the top `k` initiatives of the hits (0: none)")
	dictDir := fs.String("dict-dir", "", "jieba dictionary `directory` (default $BAOGAO_DICT_DIR, then the embedded dictionaries)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *indexDir == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "baogao search: need -index DIR and a QUERY")
		fs.Usage()
		return exitUsage
	}
	for _, c := range []struct {
		name string
		v    int
	}{{"-n", *n}, {"-from", *from}, {"-facets", *facets}} {
		if c.v < 0 {
			fmt.Fprintf(stderr, "baogao search: %s %d: want 0 or more\n", c.name, c.v)
			return exitUsage
		}
	}
	req := searchindex.Request{Query: strings.Join(fs.Args(), " "), N: *n, From: *from, Facets: *facets}
	for _, d := range []struct {
		flag string
		to   *corpus.Date
	}{{*after, &req.After}, {*before, &req.Before}} {
		if d.flag == "" {
			continue
		}
		v, ok := parseDate(d.flag)
		if !ok {
			fmt.Fprintf(stderr, "baogao search: date %q: want YYYY-MM-DD\n", d.flag)
			return exitUsage
		}
		*d.to = v
	}
	if *asJSON {
		req.Highlight = "html"
	} else if fh, ok := stdout.(*os.File); ok && term.IsTerminal(int(fh.Fd())) {
		req.Highlight = "ansi"
	}
	dir := indexPath(*indexDir)

	j, err := segment.New(segment.Options{DictDir: *dictDir})
	if err != nil {
		return fatal(ctx, stderr, "search", err)
	}
	defer j.Close()
	ix, err := searchindex.Open(dir, j)
	if err != nil {
		return fatal(ctx, stderr, "search", err)
	}
	defer ix.Close()
	// Initiatives are filtered by canonical name, as the run named them.
	names := initiativeNames(ix.Words().List())
	for _, in := range inits {
		req.Initiatives = append(req.Initiatives, names.Name(in))
	}
	res, err := ix.Search(ctx, req)
	if errors.Is(err, searchindex.ErrQuery) {
		fmt.Fprintf(stderr, "baogao search: %v\n", err)
		return exitUsage
	}
	if err != nil {
		return fatal(ctx, stderr, "search", err)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		out := searchJSON{Query: req.Query, Total: res.Total, TookMS: float64(res.Took.Microseconds()) / 1000,
			From: req.From, Hits: res.Hits, Facets: map[string][]searchindex.Facet{"initiative": res.Initiatives}}
		if err := enc.Encode(out); err != nil {
			return fatal(ctx, stderr, "search", err)
		}
		return exitOK
	}
	fmt.Fprintf(stdout, "%d hits for %s (%s)\n", res.Total, req.Query, res.Took.Round(1000))
	for i, h := range res.Hits {
		fmt.Fprintf(stdout, "\n%d. %s  %s  %s  score %.3f\n", i+1+req.From, h.Path, h.Title, h.Date, h.Score)
		for _, s := range h.Snippets {
			fmt.Fprintf(stdout, "   %s\n", strings.ReplaceAll(s, "\n", " "))
		}
	}
	if len(res.Initiatives) > 0 {
		fmt.Fprintln(stdout, "\ninitiatives in these hits:")
		for _, f := range res.Initiatives {
			fmt.Fprintf(stdout, "  %5d  %s\n", f.Count, f.Name)
		}
	}
	return exitOK
}

// indexPath accepts a run's output directory for its index: OUT/index
// when OUT holds one.
func indexPath(dir string) string {
	if st, err := os.Stat(filepath.Join(dir, "index")); err == nil && st.IsDir() {
		return filepath.Join(dir, "index")
	}
	return dir
}

// initiativeNames canonicalises initiative names as a run with these
// learned words does.
func initiativeNames(words []string) *initiative.Extractor {
	lex := &initiative.Lexicon{}
	for _, w := range words {
		lex.Add(w, "")
	}
	return initiative.New(initiative.Options{Lexicon: lex})
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }
