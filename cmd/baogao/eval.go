package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline"
	"github.com/baogao/baogao/pipeline/extract"
)

// goldDoc is one line of a gold file: a document as `extract -format
// jsonl` reads it, plus the annotated mentions per kind: under "gold",
// keyed by kind ({"person": [...]}), or, for the first kinds, under their
// plural ("dates", "numbers", "initiatives"). A kind a document does not
// list is not judged on it.
type goldDoc struct {
	ID          string                     `json:"id"`
	Text        string                     `json:"text"`
	Date        string                     `json:"date"`
	Gold        map[corpus.Kind][]goldSpan `json:"gold"`
	Dates       []goldSpan                 `json:"dates"`
	Numbers     []goldSpan                 `json:"numbers"`
	Initiatives []goldSpan                 `json:"initiatives"`
}

// spans returns the gold spans of kind k, nil when the document is not
// annotated for it.
func (d *goldDoc) spans(k corpus.Kind) []goldSpan {
	if g, ok := d.Gold[k]; ok {
		return g
	}
	switch k {
	case corpus.KindDate:
		return d.Dates
	case corpus.KindNumber:
		return d.Numbers
	case corpus.KindInitiative:
		return d.Initiatives
	}
	return nil
}

// goldSpan is {"span": ..., "value": ...}. span is either [start, end] in
// code points (what Python slicing gives) or the surface text, found at
// its first occurrence after the previous gold mention of the same kind.
type goldSpan struct {
	Span  json.RawMessage `json:"span"`
	Value string          `json:"value"`
}

func runEval(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var opts pipeline.Options
	fs := newFlags("eval", "eval -gold FILE.jsonl [flags]", stderr)
	goldPath := fs.String("gold", "", "gold `file`: JSON Lines {\"id\",\"text\",\"date\",\"gold\":{\"KIND\":[{\"span\",\"value\"}]}} (or \"dates\", \"numbers\", \"initiatives\" lists); - for stdin")
	misses := fs.Int("misses", 50, "list at most this many misses per kind (0: none)")
	asJSON := fs.Bool("json", false, "print the scores as one JSON object")
	opts.Flags(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *goldPath == "" {
		fmt.Fprintln(stderr, "baogao eval: need -gold FILE")
		fs.Usage()
		return exitUsage
	}
	b, err := readInput(*goldPath, stdin)
	if err != nil {
		return fatal(ctx, stderr, "eval", err)
	}
	e, err := pipeline.New(opts)
	if err != nil {
		return fatal(ctx, stderr, "eval", err)
	}
	defer e.Close()
	kinds := e.Extractors().Kinds()
	scores := make([]extract.Score, len(kinds))
	judged := make([]bool, len(kinds))
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	sc.Buffer(nil, 64<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var d goldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return fatal(ctx, stderr, "eval", fmt.Errorf("%s:%d: %w", *goldPath, line, err))
		}
		if d.ID == "" {
			d.ID = fmt.Sprintf("line %d", line)
		}
		// The document is read as `extract -format jsonl` reads the line
		// (its date field, metadata lines, the document date from the
		// text), so eval judges what extract prints.
		docs := pipeline.ReadBytes(*goldPath+".jsonl", sc.Bytes(), opts.Read)
		if len(docs) != 1 || docs[0].Skip != "" {
			return fatal(ctx, stderr, "eval", fmt.Errorf("%s:%d: not a document: %v", *goldPath, line, docs[0].Problems))
		}
		doc := docs[0]
		e.Analyze(doc)
		for i, k := range kinds {
			spans := d.spans(k)
			if spans == nil {
				continue // this document is not annotated for the kind
			}
			judged[i] = true
			gold, err := resolveGold(d.Text, spans)
			if err != nil {
				return fatal(ctx, stderr, "eval", fmt.Errorf("%s:%d: %s: %w", *goldPath, line, k, err))
			}
			var mine []corpus.Mention
			for _, m := range doc.Mentions {
				if m.Kind == k {
					mine = append(mine, m)
				}
			}
			scores[i].Add(d.ID, d.Text, gold, mine)
		}
	}
	if *asJSON {
		out := map[string]any{}
		for i, k := range kinds {
			if judged[i] {
				s := &scores[i]
				out[string(k)] = map[string]any{"gold": s.Gold, "predicted": s.Predicted, "precision": s.Precision(),
					"recall": s.Recall(), "exact_span": s.Exact, "value_accuracy": s.ValueAccuracy(), "misses": s.Misses}
			}
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return fatal(ctx, stderr, "eval", err)
		}
		return exitOK
	}
	for i, k := range kinds {
		if !judged[i] {
			continue
		}
		s := &scores[i]
		fmt.Fprintf(stdout, "%-10s %s\n", k, s)
		for n, m := range s.Misses {
			if n == *misses {
				fmt.Fprintf(stdout, "           … %d more\n", len(s.Misses)-n)
				break
			}
			fmt.Fprintf(stdout, "           %-8s %s@%d %q want %q got %q\n", m.What, m.Doc, m.Start, m.Text, m.Want, m.Got)
		}
	}
	return exitOK
}

// resolveGold turns gold spans into byte spans of text.
func resolveGold(text string, spans []goldSpan) ([]extract.Gold, error) {
	cx := byteOffsets(text)
	var out []extract.Gold
	from := 0
	for _, g := range spans {
		var pair [2]int
		var surface string
		switch {
		case json.Unmarshal(g.Span, &pair) == nil:
			if pair[0] < 0 || pair[1] < pair[0] || pair[1] >= len(cx) {
				return nil, fmt.Errorf("span %v out of the text's %d characters", pair, len(cx)-1)
			}
			out = append(out, extract.Gold{Span: corpus.Span{Start: cx[pair[0]], End: cx[pair[1]]}, Value: g.Value})
		case json.Unmarshal(g.Span, &surface) == nil && surface != "":
			i := strings.Index(text[from:], surface)
			if i < 0 {
				i = strings.Index(text, surface)
				if i < 0 {
					return nil, fmt.Errorf("span %q not in the text", surface)
				}
				from = 0
			}
			start := from + i
			out = append(out, extract.Gold{Span: corpus.Span{Start: start, End: start + len(surface)}, Value: g.Value})
			from = start + len(surface)
		default:
			return nil, fmt.Errorf("span %s: want [start, end] code points or the surface text", g.Span)
		}
	}
	return out, nil
}

// byteOffsets maps code-point offsets to byte offsets; the last entry is
// len(text).
func byteOffsets(text string) []int {
	offs := make([]int, 0, len(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	return append(offs, len(text))
}
