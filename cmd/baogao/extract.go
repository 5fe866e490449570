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

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/format/pdf"
	"github.com/baogao/baogao/pipeline"
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
	fs := newFlags("extract", "extract [-format text|jsonl] [-ref-date DATE] [FILE...]", stderr)
	format := fs.String("format", "text", "input format: text (each FILE is one document, any supported file type) or jsonl (each line {\"id\",\"text\",\"date\"})")
	refFlag := fs.String("ref-date", "", "reference `date` (YYYY-MM-DD) for missing years and relative dates; a JSONL line's own date wins")
	lexicon := fs.String("lexicon", "", "`file` of known initiative names (as for run)")
	encoding := fs.String("encoding", "", "decode input as this `encoding` instead of detecting")
	entities := fs.Bool("entities", true, "also find organisations, people and places (loads the jieba dictionaries, about a second)")
	explain := fs.Bool("explain", false, "add an \"explain\" object to each mention: the rule, the repaired text it matched, the reference date and the normalisation steps")
	dictDir := fs.String("dict-dir", "", "jieba dictionary `directory` (default $BAOGAO_DICT_DIR, then the embedded or gojieba's own)")
	ocrFlag := fs.Bool("ocr", false, ocrUsage)
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
	an, err := newAnalysis(*dictDir, *lexicon, *entities)
	if err != nil {
		return fatal(ctx, stderr, "extract", err)
	}
	defer an.Close()
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	problems := 0
	pdfs := pdf.New(pdf.Options{}) // PDFium starts at the first PDF, once
	defer pdfs.Close()
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
		ropts := pipeline.ReadOptions{Encoding: *encoding, OCR: *ocrFlag, PDF: pdfs}
		for _, doc := range pipeline.ReadBytes(parseAs, b, ropts) {
			doc.Path = name
			for _, p := range doc.Problems {
				fmt.Fprintf(stderr, "baogao extract: %v\n", p)
				problems++
			}
			if doc.Skip != "" {
				continue
			}
			docRef := doc.Date
			if *format == "text" || docRef.IsZero() {
				if !ref.IsZero() {
					docRef = ref
				}
			}
			id := name
			if *format == "jsonl" {
				id = doc.Meta["id"]
				if id == "" {
					id = strconv.Itoa(doc.Item)
				}
			}
			var ex *explainer
			if *explain {
				ex = &explainer{ref: docRef, refSource: refSource(doc, *format, !ref.IsZero())}
			}
			if err := writeMentions(enc, id, doc.Text, an.Mentions(doc.Text, docRef), ex); err != nil {
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
		j := mentionJSON{
			Doc: id, Kind: m.Kind.String(), Text: text[m.Span.Start:m.Span.End],
			Start: m.Span.Start, End: m.Span.End,
			StartChar: cx.Char(m.Span.Start), EndChar: cx.Char(m.Span.End),
			Value: m.Value, Grain: m.Grain, Unit: m.Unit, Approx: m.Approx, Rule: m.Rule,
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

// refSource says where the reference date of a document came from.
func refSource(doc *corpus.Document, format string, flag bool) string {
	switch {
	case flag && (format == "text" || doc.Date.IsZero()):
		return "-ref-date"
	case doc.DateSource != "":
		return doc.DateSource
	case format == "jsonl" && !doc.Date.IsZero():
		return "jsonl date"
	}
	return ""
}

// explainer writes the audit trail of mentions for one document.
type explainer struct {
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
	switch {
	case m.Kind == corpus.KindDate && m.Type == "relative":
		x.Steps = append(x.Steps, "relative expression resolved against the reference date "+x.Ref)
	case m.Kind == corpus.KindDate && strings.Contains(m.Rule, "+ref"):
		x.Steps = append(x.Steps, "missing year or month taken from the reference date "+x.Ref)
	case m.Kind == corpus.KindDate && strings.Contains(m.Rule, "+prev"):
		x.Steps = append(x.Steps, "missing year or month taken from the previous date in the text")
	case m.Kind == corpus.KindDate && strings.HasPrefix(m.Value, "--"):
		x.Steps = append(x.Steps, "no year known: ISO 8601 month-day form --MM-DD")
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
