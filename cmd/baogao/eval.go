package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/extract"
)

// goldDoc is one line of a gold file: a document as `extract -format
// jsonl` reads it, plus the annotated mentions per kind.
type goldDoc struct {
	ID          string     `json:"id"`
	Text        string     `json:"text"`
	Date        string     `json:"date"`
	Dates       []goldSpan `json:"dates"`
	Numbers     []goldSpan `json:"numbers"`
	Initiatives []goldSpan `json:"initiatives"`
}

// goldSpan is {"span": ..., "value": ...}. span is either [start, end] in
// code points (what Python slicing gives) or the surface text, found at
// its first occurrence after the previous gold mention of the same kind.
type goldSpan struct {
	Span  json.RawMessage `json:"span"`
	Value string          `json:"value"`
}

func runEval(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("eval", "eval -gold FILE.jsonl [flags]", stderr)
	goldPath := fs.String("gold", "", "gold `file`: JSON Lines {\"id\",\"text\",\"date\",\"dates\":[{\"span\",\"value\"}],\"numbers\":[...],\"initiatives\":[...]}; - for stdin")
	misses := fs.Int("misses", 50, "list at most this many misses per kind (0: none)")
	asJSON := fs.Bool("json", false, "print the scores as one JSON object")
	lexicon := fs.String("lexicon", "", "`file` of known initiative names (as for run)")
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
	an, err := newAnalysis("", *lexicon, false)
	if err != nil {
		return fatal(ctx, stderr, "eval", err)
	}
	kinds := []struct {
		name string
		kind corpus.Kind
		gold func(*goldDoc) []goldSpan
	}{
		{"date", corpus.KindDate, func(d *goldDoc) []goldSpan { return d.Dates }},
		{"number", corpus.KindNumber, func(d *goldDoc) []goldSpan { return d.Numbers }},
		{"initiative", corpus.KindInitiative, func(d *goldDoc) []goldSpan { return d.Initiatives }},
	}
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
		ref, _ := parseDate(d.Date)
		pred := an.Mentions(d.Text, ref)
		for i, k := range kinds {
			spans := k.gold(&d)
			if spans == nil {
				continue // this document is not annotated for the kind
			}
			judged[i] = true
			gold, err := resolveGold(d.Text, spans)
			if err != nil {
				return fatal(ctx, stderr, "eval", fmt.Errorf("%s:%d: %s: %w", *goldPath, line, k.name, err))
			}
			var mine []corpus.Mention
			for _, m := range pred {
				if m.Kind == k.kind {
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
				out[k.name] = map[string]any{"gold": s.Gold, "predicted": s.Predicted, "precision": s.Precision(),
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
		fmt.Fprintf(stdout, "%-10s %s\n", k.name, s)
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
