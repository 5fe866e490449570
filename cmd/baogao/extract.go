package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/baogao/baogao/corpus"
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
}

func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("extract", "extract [-format text|jsonl] [-ref-date DATE] [FILE...]", stderr)
	format := fs.String("format", "text", "input format: text (each FILE is one document, any supported file type) or jsonl (each line {\"id\",\"text\",\"date\"})")
	refFlag := fs.String("ref-date", "", "reference `date` (YYYY-MM-DD) for missing years and relative dates; a JSONL line's own date wins")
	lexicon := fs.String("lexicon", "", "`file` of known initiative names (as for run)")
	encoding := fs.String("encoding", "", "decode input as this `encoding` instead of detecting")
	entities := fs.Bool("entities", true, "also find organisations, people and places (loads the jieba dictionaries, about a second)")
	dictDir := fs.String("dict-dir", "", "jieba dictionary `directory` (default $BAOGAO_DICT_DIR, then built in)")
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
		ropts := pipeline.ReadOptions{Encoding: *encoding}
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
			if err := writeMentions(enc, id, doc.Text, an.Mentions(doc.Text, docRef)); err != nil {
				return fatal(ctx, stderr, "extract", err)
			}
		}
	}
	if problems > 0 {
		return exitProblems
	}
	return exitOK
}

func writeMentions(enc *json.Encoder, id, text string, ms []corpus.Mention) error {
	cx := corpus.NewCharIndex(text)
	for _, m := range ms {
		err := enc.Encode(mentionJSON{
			Doc: id, Kind: m.Kind.String(), Text: text[m.Span.Start:m.Span.End],
			Start: m.Span.Start, End: m.Span.End,
			StartChar: cx.Char(m.Span.Start), EndChar: cx.Char(m.Span.End),
			Value: m.Value, Grain: m.Grain, Unit: m.Unit, Approx: m.Approx, Rule: m.Rule,
		})
		if err != nil {
			return err
		}
	}
	return nil
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
