package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/output/summary"
	"github.com/baogao/baogao/pipeline"
	"github.com/baogao/baogao/pipeline/extract"
)

// mentionJSON is one line of `baogao extract`. Other tools parse it: keep
// the keys and their meaning exactly (see README).
type mentionJSON struct {
	Doc       string `json:"doc"`
	Kind      string `json:"kind"`
	Text      string `json:"text"`
	Start     int    `json:"start"`      // byte offset into the document text, inclusive
	End       int    `json:"end"`        // byte offset, exclusive
	StartChar int    `json:"start_char"` // code-point offset, inclusive
	EndChar   int    `json:"end_char"`   // code-point offset, exclusive
	Value     string `json:"value"`
	Grain     string `json:"grain"`
	Unit      string `json:"unit"`
	Approx    string `json:"approx"`
	Rule      string `json:"rule"`
	// The typed values of mentions.parquet, appended after the twelve
	// keys above: date bounds as "YYYY-MM-DDThh:mm:ss" (half-open, no time
	// zone), number values, the sentence as code-point offsets; null
	// where mentions.parquet has null.
	DateStart     *string  `json:"date_start"`
	DateEnd       *string  `json:"date_end"`
	Num           *float64 `json:"num"`
	NumLow        *float64 `json:"num_low"`
	NumHigh       *float64 `json:"num_high"`
	SentStartChar int      `json:"sent_start_char"`
	SentEndChar   int      `json:"sent_end_char"`
	// Explain is set only with -explain: how the value was reached.
	Explain *explanation `json:"explain,omitempty"`
}

// explanation is the audit trail of one mention (-explain).
type explanation struct {
	Type    string   `json:"type,omitempty"`    // absolute, inferred, relative; campaign, activity, ...
	Matched string   `json:"matched,omitempty"` // text in the repaired view, when it differs
	Ref     string   `json:"ref,omitempty"`     // the reference date in force
	Steps   []string `json:"steps"`
}

func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var opts pipeline.Options
	fs := newFlags("extract", "extract [-format text|jsonl] [-ref-date DATE] [FILE...]", stderr)
	format := fs.String("format", "text", "input format: text (each FILE is one document, any supported file type) or jsonl (each line {\"id\",\"text\",\"date\"})")
	refFlag := fs.String("ref-date", "", "reference `date` (YYYY-MM-DD) for missing years and relative dates; a JSONL line's own date wins")
	entities := fs.Bool("entities", true, "also find organisations, people and places")
	explain := fs.Bool("explain", false, "add an \"explain\" object to each mention: the rule, the repaired text it matched, the reference date and the normalisation steps")
	opts.Flags(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *format != "text" && *format != "jsonl" {
		fmt.Fprintf(stderr, "baogao extract: -format must be text or jsonl, not %q\n", *format)
		return exitUsage
	}
	var ref corpus.Date
	if *refFlag != "" {
		d, ok := parseDate(*refFlag)
		if !ok {
			fmt.Fprintf(stderr, "baogao extract: -ref-date %q: want YYYY-MM-DD\n", *refFlag)
			return exitUsage
		}
		ref = d
	}
	if err := opts.Check(); err != nil {
		fmt.Fprintf(stderr, "baogao extract: %v\n", err)
		return exitUsage
	}
	opts.NoEntities = !*entities
	e, err := pipeline.New(opts)
	if err != nil {
		return fatal(ctx, stderr, "extract", err)
	}
	defer e.Close()
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	problems := 0
	for _, name := range files {
		if ctx.Err() != nil {
			return fatal(ctx, stderr, "extract", ctx.Err())
		}
		b, err := readInput(name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "baogao extract: %v\n", err)
			problems++
			continue
		}
		parseAs := name
		if *format == "jsonl" {
			parseAs = name + ".jsonl" // the extension selects the parser
		}
		for _, doc := range pipeline.ReadBytes(parseAs, b, e.Options().Read) {
			doc.Path = name
			for _, p := range doc.Problems {
				p.Path = name
				fmt.Fprintf(stderr, "baogao extract: %v\n", p)
				problems++
			}
			if doc.Skip != "" {
				continue
			}
			if *format == "text" || doc.Date.IsZero() {
				if !ref.IsZero() {
					doc.Date = ref
				}
			}
			id := name
			if *format == "jsonl" {
				id = cmp.Or(doc.Meta["id"], strconv.Itoa(doc.Item))
			}
			var ex *explainer
			if *explain {
				ex = &explainer{set: e.Extractors(), ref: doc.Date, refSource: refSource(doc, *format, !ref.IsZero())}
			}
			e.Analyze(doc)
			if err := writeMentions(enc, id, doc.Text, doc.Mentions, ex); err != nil {
				return fatal(ctx, stderr, "extract", err)
			}
		}
	}
	if problems > 0 {
		return exitProblems
	}
	return exitOK
}

func writeMentions(enc *json.Encoder, id, text string, ms []corpus.Mention, ex *explainer) error {
	cx := corpus.NewCharIndex(text)
	for _, m := range ms {
		typed, sent := summary.TypedOf(m), corpus.Sentence(text, m.Span)
		j := mentionJSON{
			Doc: id, Kind: m.Kind.String(), Text: text[m.Span.Start:m.Span.End],
			Start: m.Span.Start, End: m.Span.End,
			StartChar: cx.Char(m.Span.Start), EndChar: cx.Char(m.Span.End),
			Value: m.Value, Grain: m.Grain, Unit: m.Unit, Approx: m.Approx, Rule: m.Rule,
			DateStart: timestamp(typed.DateStart), DateEnd: timestamp(typed.DateEnd),
			Num: typed.Num, NumLow: typed.NumLow, NumHigh: typed.NumHigh,
			SentStartChar: cx.Char(sent.Start), SentEndChar: cx.Char(sent.End),
		}
		if ex != nil {
			j.Explain = ex.explain(m, j.Text)
		}
		if err := enc.Encode(j); err != nil {
			return err
		}
	}
	return nil
}

// timestamp writes a date bound as DuckDB and pandas cast it, or nil.
func timestamp(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.Format("2006-01-02T15:04:05")
	return &s
}

// refSource says where the reference date of a document came from.
func refSource(doc *corpus.Document, format string, flag bool) string {
	switch {
	case flag && (format == "text" || doc.DateSource == ""):
		return "-ref-date"
	case doc.DateSource != "":
		return doc.DateSource
	}
	return ""
}

// explainer writes the audit trail of mentions for one document.
type explainer struct {
	set       *extract.Set
	ref       corpus.Date
	refSource string
}

func (e *explainer) explain(m corpus.Mention, surface string) *explanation {
	x := &explanation{Type: m.Type, Matched: m.Matched}
	if !e.ref.IsZero() {
		x.Ref = e.ref.String() + " (" + e.refSource + ")"
	}
	if m.Matched != "" {
		x.Steps = append(x.Steps, fmt.Sprintf("repair: %q read as %q (hard wraps joined, full-width folded, traditional simplified)", surface, m.Matched))
	}
	x.Steps = append(x.Steps, "rule "+m.Rule)
	for _, step := range e.set.Explain(m) {
		if strings.Contains(step, "reference date") && x.Ref != "" {
			step += " " + x.Ref
		}
		x.Steps = append(x.Steps, step)
	}
	if m.Approx != "" {
		x.Steps = append(x.Steps, fmt.Sprintf("approximation marker %q kept in approx; value is the number written", m.Approx))
	}
	if m.Unit != "" {
		x.Steps = append(x.Steps, fmt.Sprintf("unit %q; multipliers such as 万/亿 folded into the value", m.Unit))
	}
	x.Steps = append(x.Steps, fmt.Sprintf("value %s (grain %s)", m.Value, cmp.Or(m.Grain, "-")))
	return x
}

func readInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(name)
}

// parseDate reads YYYY-MM-DD, also the date part of a date-time.
func parseDate(s string) (corpus.Date, bool) {
	var d corpus.Date
	if len(s) < 10 {
		return d, false
	}
	if _, err := fmt.Sscanf(s[:10], "%4d-%2d-%2d", &d.Year, &d.Month, &d.Day); err != nil {
		return corpus.Date{}, false
	}
	if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
		return corpus.Date{}, false
	}
	return d, true
}
