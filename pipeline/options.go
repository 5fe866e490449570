package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/charset"
	"github.com/baogao/baogao/pipeline/extract"
	"github.com/baogao/baogao/pipeline/extract/initiative"
)

// Options configures an Engine: how reports are read, what is extracted
// from them, and how a run goes. The zero value reads every supported
// format, extracts every built-in kind with the built-in initiative
// lexicon, and runs one worker per CPU. The fields marked "hashed" decide
// what the outputs contain and enter Engine.Hash.
type Options struct {
	// Read selects and parses the files (hashed: split, text column,
	// encoding, size limit, exclusions).
	Read ReadOptions
	// DictDir is the jieba dictionary directory; "" means
	// BAOGAO_DICT_DIR, then the embedded dictionaries (hashed through
	// their content).
	DictDir string
	// LexiconFile names a lexicon of known initiative names (one per
	// line, optional TAB and type, '-name' excludes; see
	// initiative.ParseLexicon); "" for none. Lexicon, when not nil, is
	// used instead of the file. Hashed through its content.
	LexiconFile string
	Lexicon     *initiative.Lexicon
	// Learn reads the corpus once before a run and recognises the names
	// it quotes confidently everywhere (hashed).
	Learn bool
	// NoEntities leaves out organisations, people and places (hashed).
	NoEntities bool
	// Extractors are registered after the built-in ones: a new kind of
	// mention is one more Registration (hashed by name).
	Extractors []extract.Registration
	// Version is the program's version; part of the hash, since another
	// version may analyse differently.
	Version string

	// Workers analyse documents in parallel; 0: one per CPU (the
	// analysis is CPU-bound), 1: inline, the easiest to profile.
	Workers int
	// OnProblem decides what a problem means (nil: record it and go on).
	OnProblem ProblemFunc
	// Progress is called for each document that reaches the sinks.
	Progress func(doc *corpus.Document)
}

// Flags registers the options every analysing command shares (-dict-dir,
// -lexicon, -encoding, -split, -text-column, -ocr) on fs.
func (o *Options) Flags(fs *flag.FlagSet) {
	fs.StringVar(&o.DictDir, "dict-dir", "", "jieba dictionary `directory` (default $BAOGAO_DICT_DIR, then the embedded dictionaries)")
	fs.StringVar(&o.LexiconFile, "lexicon", "", "`file` of known initiative names, one per line (optional TAB type; '-name' excludes); a file `baogao learn` wrote works too")
	fs.StringVar(&o.Read.Encoding, "encoding", "", "decode every file as this `encoding` (utf-8, gb18030, big5, utf-16le, ...) instead of detecting")
	fs.StringVar(&o.Read.Format.Split, "split", "", "line `prefix` that starts a new document inside .md/.txt files, e.g. '### '")
	fs.StringVar(&o.Read.Format.TextColumn, "text-column", "", "CSV column holding the text (default \"text\")")
	fs.BoolVar(&o.Read.OCR, "ocr", false, "read scanned PDF pages and page images (.png .jpg .tif .bmp) with OCR: tesseract with Simplified Chinese (Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim); without it, or without -ocr, scans are skipped with a problem that says so")
}

// RunFlags registers the options of commands that walk a corpus
// (-workers, -max-size, -exclude, -learn) on fs. -exclude is a
// comma-separated list, split by Check.
func (o *Options) RunFlags(fs *flag.FlagSet) {
	fs.IntVar(&o.Workers, "workers", 0, "documents analysed in parallel (0: one per CPU; 1: inline, for profiling)")
	fs.Int64Var(&o.Read.Walk.MaxSize, "max-size", 1<<30, "skip files larger than this many `bytes`, recording a problem (0: no limit)")
	fs.Func("exclude", "comma-separated `globs` of file and directory names to leave out (default \".*\": hidden files)", func(s string) error {
		o.Read.Walk.Exclude = nil
		if s != "" {
			o.Read.Walk.Exclude = strings.Split(s, ",")
		}
		return nil
	})
	o.Read.Walk.Exclude = []string{".*"}
	fs.BoolVar(&o.Learn, "learn", true, "read the corpus once first; initiative names of five or more characters that a report quotes with a head noun (“健康守门人”工程) are then recognised unquoted in every report and kept whole in segmentation and search")
}

// Check reports an option value no run can take, in the words of the
// command line.
func (o *Options) Check() error {
	if o.Read.Encoding != "" && !charset.Known(o.Read.Encoding) {
		return fmt.Errorf("-encoding %q: unknown; one of %s", o.Read.Encoding, strings.Join(charset.Names(), ", "))
	}
	if o.Workers < 0 {
		return fmt.Errorf("-workers %d: want 0 (one per CPU) or more", o.Workers)
	}
	if o.Read.Walk.MaxSize < 0 {
		return fmt.Errorf("-max-size %d: want 0 (no limit) or more", o.Read.Walk.MaxSize)
	}
	return nil
}

// Analysis is what decides a run's outputs for given input files (what
// Hash covers, as JSON): the options, the dictionaries' hash, the
// extractors and the lexicon's lines. A run's manifest records it, before
// learning, so that the next run over the same output can tell what
// changed (Diff).
type Analysis struct {
	Version    string   `json:"version"`
	Dictionary string   `json:"dictionary"`
	Split      string   `json:"split"`
	TextColumn string   `json:"text_column"`
	Encoding   string   `json:"encoding"`
	OCR        bool     `json:"ocr"`
	MaxSize    int64    `json:"max_size"`
	Exclude    []string `json:"exclude"`
	Learn      bool     `json:"learn"`
	Extractors []string `json:"extractors"`
	Lexicon    []string `json:"lexicon"`
}

// hash returns the hex SHA-256 of the hashed options, with the
// dictionaries' hash, the registered extractors and the lexicon's lines.
func (o *Options) hash(dict string, extractors []string, lex *initiative.Lexicon) string {
	b, _ := json.Marshal(o.analysis(dict, extractors, lex)) // a struct of strings: cannot fail
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func (o *Options) analysis(dict string, extractors []string, lex *initiative.Lexicon) Analysis {
	return Analysis{
		Version: o.Version, Dictionary: dict,
		Split: o.Read.Format.Split, TextColumn: o.Read.Format.TextColumn, Encoding: strings.ToLower(o.Read.Encoding), OCR: o.Read.OCR,
		MaxSize: o.Read.Walk.MaxSize, Exclude: slices.Clone(o.Read.Walk.Exclude), Learn: o.Learn,
		Extractors: extractors, Lexicon: lexiconLines(lex),
	}
}

// Diff names what differs between a and b, in the words of the command
// line: nil when they analyse alike.
func (a Analysis) Diff(b Analysis) []string {
	var out []string
	str := func(name, x, y string) {
		if x != y {
			out = append(out, fmt.Sprintf("%s %q → %q", name, x, y))
		}
	}
	str("version", a.Version, b.Version)
	if a.Dictionary != b.Dictionary {
		out = append(out, "the jieba dictionaries")
	}
	str("-split", a.Split, b.Split)
	str("-text-column", a.TextColumn, b.TextColumn)
	str("-encoding", a.Encoding, b.Encoding)
	if a.OCR != b.OCR {
		out = append(out, fmt.Sprintf("-ocr %v → %v", a.OCR, b.OCR))
	}
	if a.MaxSize != b.MaxSize {
		out = append(out, fmt.Sprintf("-max-size %d → %d", a.MaxSize, b.MaxSize))
	}
	str("-exclude", strings.Join(a.Exclude, ","), strings.Join(b.Exclude, ","))
	if a.Learn != b.Learn {
		out = append(out, fmt.Sprintf("-learn %v → %v", a.Learn, b.Learn))
	}
	str("extractors", strings.Join(a.Extractors, ","), strings.Join(b.Extractors, ","))
	if !slices.Equal(a.Lexicon, b.Lexicon) {
		out = append(out, "the -lexicon names")
	}
	return out
}

// lexiconLines lists a lexicon's entries as lines, sorted: its content,
// whatever order it was built in.
func lexiconLines(lex *initiative.Lexicon) []string {
	if lex == nil {
		return nil
	}
	var out []string
	for _, n := range lex.Names() {
		typ, _ := lex.Type(n)
		out = append(out, n+"\t"+typ)
	}
	for _, n := range lex.ExcludedNames() {
		out = append(out, "-"+n)
	}
	slices.Sort(out)
	return out
}
