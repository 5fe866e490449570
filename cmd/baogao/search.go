package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/output/searchindex"
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
	fs := newFlags("search", "search -index DIR [-index DIR...] [flags] QUERY", stderr)
	var dirs stringList
	fs.Var(&dirs, "index", "`directory` of a run's output (OUT) or its index (OUT/index); repeat to search several as one")
	asJSON := fs.Bool("json", false, "print one JSON object: query, total, took_ms, from, hits (id, path, title, date, score, snippets), facets (initiative, year, month)")
	n := fs.Int("n", 10, "number of hits (0: only the count and the facets)")
	from := fs.Int("from", 0, "skip this many hits first (paging)")
	or := fs.Bool("or", false, "juxtaposed words are alternatives (any may match) instead of all required; +word still requires")
	after := fs.String("after", "", "only documents dated on or after this `date` (YYYY-MM-DD, YYYY-MM or YYYY)")
	before := fs.String("before", "", "only documents dated on or before this `date` (YYYY-MM-DD, YYYY-MM or YYYY)")
	var inits stringList
	fs.Var(&inits, "initiative", "only documents mentioning this initiative (any written form: 乡村振兴战略 finds 乡村振兴; repeatable)")
	facets := fs.Int("facets", 10, "list the top `k` initiatives of the hits (0: none)")
	dictDir := fs.String("dict-dir", "", "jieba dictionary `directory` (default $BAOGAO_DICT_DIR, then the embedded dictionaries)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if len(dirs) == 0 || fs.NArg() == 0 {
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
	req := searchindex.Request{Query: strings.Join(fs.Args(), " "), N: *n, From: *from, Facets: *facets, Or: *or, Initiatives: inits}
	for _, d := range []struct {
		flag string
		to   *corpus.Date
	}{{*after, &req.After}, {*before, &req.Before}} {
		if d.flag == "" {
			continue
		}
		v, ok := parsePartialDate(d.flag)
		if !ok {
			fmt.Fprintf(stderr, "baogao search: date %q: want YYYY-MM-DD, YYYY-MM or YYYY\n", d.flag)
			return exitUsage
		}
		*d.to = v
	}
	if *asJSON {
		req.Highlight = searchindex.HighlightHTML
	} else if fh, ok := stdout.(*os.File); ok && term.IsTerminal(int(fh.Fd())) {
		req.Highlight = searchindex.HighlightANSI
	}
	j, err := segment.New(segment.Options{DictDir: *dictDir})
	if err != nil {
		return fatal(ctx, stderr, "search", err)
	}
	defer j.Close()
	var ixs []*searchindex.Index
	for _, dir := range dirs {
		set, err := searchindex.OpenSet(dir, j)
		if err != nil {
			return fatal(ctx, stderr, "search", err)
		}
		for _, ix := range set {
			defer ix.Close()
		}
		ixs = append(ixs, set...)
	}
	j.Wait() // took_ms is the search's, not the dictionaries' loading
	res, err := searchindex.Search(ctx, ixs, req)
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
			From: req.From, Hits: res.Hits, Facets: map[string][]searchindex.Facet{
				"initiative": res.Initiatives, "year": res.Years, "month": res.Months}}
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
	if len(res.Years) > 1 {
		fmt.Fprint(stdout, "\nhits by year:")
		for _, f := range res.Years {
			fmt.Fprintf(stdout, "  %s %d", f.Name, f.Count)
		}
		fmt.Fprintln(stdout)
	}
	return exitOK
}

// parsePartialDate reads YYYY-MM-DD (also the date of a date-time),
// YYYY-MM or YYYY.
func parsePartialDate(s string) (corpus.Date, bool) {
	if d, ok := parseDate(s); ok {
		return d, true
	}
	var d corpus.Date
	switch len(s) {
	case 4:
		if _, err := fmt.Sscanf(s, "%4d", &d.Year); err != nil {
			return corpus.Date{}, false
		}
	case 7:
		if _, err := fmt.Sscanf(s, "%4d-%2d", &d.Year, &d.Month); err != nil || d.Month < 1 || d.Month > 12 {
			return corpus.Date{}, false
		}
	default:
		return corpus.Date{}, false
	}
	return d, true
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }
