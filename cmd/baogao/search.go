package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/output/searchindex"
	"github.com/baogao/baogao/pipeline/segment"
)

func runSearch(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("search", "search -index DIR [flags] QUERY", stderr)
	indexDir := fs.String("index", "", "index `directory` built by run (OUT/index)")
	asJSON := fs.Bool("json", false, "print hits as JSON Lines")
	n := fs.Int("n", 10, "number of hits")
	after := fs.String("after", "", "only documents dated on or after this `date` (YYYY-MM-DD)")
	before := fs.String("before", "", "only documents dated on or before this `date` (YYYY-MM-DD)")
	var inits stringList
	fs.Var(&inits, "initiative", "only documents mentioning this initiative (canonical `name`; repeatable)")
	facets := fs.Int("facets", 10, "list the top `k` initiatives of the hits (0: none)")
	dictDir := fs.String("dict-dir", "", "jieba dictionary `directory` (default $BAOGAO_DICT_DIR, then the embedded or gojieba's own)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *indexDir == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "baogao search: need -index DIR and a QUERY")
		fs.Usage()
		return exitUsage
	}
	req := searchindex.Request{Query: strings.Join(fs.Args(), " "), N: *n, Initiatives: inits, Facets: *facets}
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

	j, err := segment.New(segment.Options{DictDir: *dictDir})
	if err != nil {
		return fatal(ctx, stderr, "search", err)
	}
	defer j.Close()
	searchindex.Register(j)
	ix, err := searchindex.Open(*indexDir)
	if err != nil {
		return fatal(ctx, stderr, "search", err)
	}
	defer ix.Close()
	words, err := ix.Words()
	if err != nil {
		return fatal(ctx, stderr, "search", err)
	}
	for _, w := range words {
		j.AddWord(w, "nz") // segment queries with the dictionary the index was built with
	}
	res, err := ix.Search(ctx, req)
	if err != nil {
		return fatal(ctx, stderr, "search", err)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for _, h := range res.Hits {
			if err := enc.Encode(h); err != nil {
				return fatal(ctx, stderr, "search", err)
			}
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

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }
