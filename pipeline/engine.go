package pipeline

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"time"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/format/pdf"
	"github.com/baogao/baogao/pipeline/extract"
	"github.com/baogao/baogao/pipeline/extract/date"
	"github.com/baogao/baogao/pipeline/extract/entity"
	"github.com/baogao/baogao/pipeline/extract/initiative"
	"github.com/baogao/baogao/pipeline/extract/number"
	"github.com/baogao/baogao/pipeline/normalize"
	"github.com/baogao/baogao/pipeline/segment"
)

// Engine analyses documents: it owns the jieba segmenter, the initiative
// lexicon and the registered extractors, and every command that analyses
// text (run, extract, eval, learn, search's queries) goes through it, so
// the same document with the same options and lexicon gives the same
// mentions everywhere.
//
// Concurrency: Analyze and Run are safe for concurrent use. UseLexicon
// changes what the engine recognises and must not run at the same time as
// them; call it between New and the first analysis (Run -learn does).
type Engine struct {
	opts  Options
	jieba *segment.Jieba
	// lex is the user's lexicon plus what was learned; words are its
	// names, kept whole by the segmenter.
	lex   *initiative.Lexicon
	words *segment.Words
	// inits is the initiative extractor with lex, replaced by UseLexicon.
	inits *initiative.Extractor
	set   *extract.Set
	// LoadTime is how long New took (the dictionaries, mostly).
	LoadTime time.Duration
	// analysis is what New was given, before any UseLexicon.
	analysis Analysis

	spentRepair, spentSegment atomic.Int64 // nanoseconds, over goroutines

	pdf *pdf.Engine // made by New when Options.Read gave none; Close closes it
}

// New loads the dictionaries and the lexicon and registers the
// extractors. Loading takes about a second and 100 MB: make one Engine per
// process and share it.
func New(opts Options) (*Engine, error) {
	start := time.Now()
	lex := opts.Lexicon
	if lex == nil && opts.LexiconFile != "" {
		fh, err := os.Open(opts.LexiconFile)
		if err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
		lex, err = initiative.ParseLexicon(fh)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("lexicon %s: %w", opts.LexiconFile, err)
		}
	}
	if lex == nil {
		lex = &initiative.Lexicon{}
	}
	j, err := segment.New(segment.Options{DictDir: opts.DictDir})
	if err != nil {
		return nil, err
	}
	e := &Engine{opts: opts, jieba: j, lex: lex.Clone(), words: segment.NewWords(lex.Names())}
	if e.opts.Read.PDF == nil {
		// One PDFium for every file the engine reads; it starts at the
		// first PDF.
		e.pdf = pdf.New(pdf.Options{})
		e.opts.Read.PDF = e.pdf
	}
	e.inits = initiative.New(initiative.Options{Lexicon: e.lex})
	if e.set, err = extract.NewSet(append(e.builtins(), opts.Extractors...)...); err != nil {
		j.Close()
		return nil, err
	}
	e.analysis = e.opts.analysis(j.Hash(), e.set.Names(), e.lex)
	e.LoadTime = time.Since(start)
	return e, nil
}

// builtins are the registrations of the built-in extractors: initiatives
// claim the dates and numbers inside their names, dates the numbers
// inside them; entities are a layer of their own.
func (e *Engine) builtins() []extract.Registration {
	dates, numbers := date.New(), number.New()
	regs := []extract.Registration{
		{Name: "date", Kinds: []corpus.Kind{corpus.KindDate}, Precedence: 2, Explain: date.Explain,
			Extractor: extract.Func(func(in *extract.Input) []corpus.Mention { return dates.Extract(in.Text, in.Ref) })},
		{Name: "number", Kinds: []corpus.Kind{corpus.KindNumber}, Precedence: 1,
			Extractor: extract.Func(func(in *extract.Input) []corpus.Mention { return numbers.Extract(in.Text, in.Ref) })},
		{Name: "initiative", Kinds: []corpus.Kind{corpus.KindInitiative}, Precedence: 3,
			Extractor: extract.Func(func(in *extract.Input) []corpus.Mention { return e.inits.ExtractTagged(in.Text, in.Ref, in.Tags) })},
	}
	if !e.opts.NoEntities {
		regs = append(regs, extract.Registration{Name: "entity", Kinds: []corpus.Kind{corpus.KindOrg, corpus.KindPerson, corpus.KindPlace},
			Extractor: extract.Func(func(in *extract.Input) []corpus.Mention { return entity.Extract(in.Text, in.Tags) })})
	}
	return regs
}

// Close frees the segmenter and the PDF reader the engine made.
func (e *Engine) Close() {
	e.jieba.Close()
	if e.pdf != nil {
		e.pdf.Close()
	}
}

// Jieba returns the engine's segmenter, for analysing queries the way
// the documents were.
func (e *Engine) Jieba() *segment.Jieba { return e.jieba }

// Words returns the words the segmenter keeps whole: the names of the
// lexicon in use. An index records them for its queries.
func (e *Engine) Words() *segment.Words { return e.words }

// Lexicon returns a copy of the initiative lexicon in use.
func (e *Engine) Lexicon() *initiative.Lexicon { return e.lex.Clone() }

// Initiatives returns the initiative extractor in use: Name canonicalises
// a written form the way the mentions are.
func (e *Engine) Initiatives() *initiative.Extractor { return e.inits }

// Extractors returns the registered extractors.
func (e *Engine) Extractors() *extract.Set { return e.set }

// Hash identifies everything that decides the outputs: the hashed options,
// the dictionaries' content, the extractors and the lexicon in use. Two
// runs with equal hashes give equal outputs for equal input files.
func (e *Engine) Hash() string {
	return e.opts.hash(e.jieba.Hash(), e.set.Names(), e.lex)
}

// Analysis returns what decides the outputs as the engine was made,
// before anything learned was added (UseLexicon): two runs with equal
// analyses and equal learned names analyse alike.
func (e *Engine) Analysis() Analysis { return e.analysis }

// Options returns the options the engine was made with.
func (e *Engine) Options() Options { return e.opts }

// UseLexicon adds the names of lex (learned, or given) to what the engine
// recognises: the initiative extractor finds them unquoted and the
// segmenter keeps them whole. Names lex excludes, and names the engine's
// lexicon excludes, stay excluded; the engine's types win for names both
// list. Not safe while documents are analysed.
func (e *Engine) UseLexicon(lex *initiative.Lexicon) {
	for _, n := range lex.Names() {
		if e.lex.Excluded(n) {
			continue
		}
		if _, known := e.lex.Type(n); !known {
			typ, _ := lex.Type(n)
			e.lex.Add(n, typ)
		}
	}
	for _, n := range lex.ExcludedNames() {
		e.lex.Exclude(n)
	}
	e.words = segment.NewWords(e.lex.Names())
	e.inits = initiative.New(initiative.Options{Lexicon: e.lex})
}

// Analyze analyses one document in place: its repaired view is built
// once, cut once by jieba (search tokens for the index, tagged words for
// the entities), every extractor runs on it, and overlaps are resolved.
// doc.Tokens, doc.Tags and doc.Mentions get spans into doc.Text; mentions
// in the document's metadata lines are dropped (their values are in
// doc.Meta). A failure is a Problem of the document. Skipped documents
// are left alone.
func (e *Engine) Analyze(doc *corpus.Document) {
	if doc.Skip != "" || doc.From != "" {
		return
	}
	t := time.Now()
	view := normalize.Repair(doc.Text)
	t1 := time.Now()
	search, tags := e.jieba.Cut(view.Text, e.words)
	t2 := time.Now()
	e.spentRepair.Add(int64(t1.Sub(t)))
	e.spentSegment.Add(int64(t2.Sub(t1)))
	in := &extract.Input{Text: view.Text, Ref: doc.Date, Tags: tags}
	ms, err := e.set.Mentions(doc.Text, view, in)
	if err != nil {
		doc.Problems = append(doc.Problems, stageProblem(doc, "extract", err))
	}
	doc.Mentions = corpus.Outside(ms, doc.MetaSpans)
	doc.Tokens, doc.Tags = toOrig(view, search), toOrig(view, tags)
	if view.Text != doc.Text {
		doc.View = view.Text
	}
}

// toOrig maps the spans of tokens of view.Text back to the original, in
// place.
func toOrig(view *normalize.View, toks []corpus.Token) []corpus.Token {
	for i := range toks {
		toks[i].Span.Start, toks[i].Span.End = view.Orig(toks[i].Span.Start, toks[i].Span.End)
	}
	return toks
}

// Source returns the documents of the files under roots, read with the
// engine's read options.
func (e *Engine) Source(roots []string) Source { return Read(roots, e.opts.Read) }

// LearnSource is Source for the learning pass (LearnRead): without OCR,
// which costs seconds a page, so names quoted only in scans are not
// learned but each scan is read once; and without dates or source lines.
func (e *Engine) LearnSource(roots []string) Source {
	return Read(roots, LearnRead(e.opts.Read))
}

// LearnRead returns the options of the learning pass's reading of what o
// reads: no OCR (seconds a page; names quoted only in scans are not
// learned) and records as their text alone (format.Options.TextOnly:
// learning reads no dates or source lines).
func LearnRead(o ReadOptions) ReadOptions {
	o.OCR = false
	o.Format.TextOnly = true
	return o
}

// analyzeStage is the one stage of a run: Analyze.
type analyzeStage struct{ e *Engine }

func (analyzeStage) Name() string { return "analyze" }

func (s analyzeStage) Process(_ context.Context, doc *corpus.Document) error {
	s.e.Analyze(doc)
	return nil
}

// Run analyses every document src emits and hands it to consume in input
// order, from one goroutine; consume's error stops the run (see Runner).
// Stats.Stage holds the time spent repairing, segmenting and in each
// extractor ("repair", "segment", "extract/date", ...).
func (e *Engine) Run(ctx context.Context, src Source, consume func(*corpus.Document) error) (Stats, error) {
	r := NewRunner([]Stage{analyzeStage{e}}, RunnerOptions{Workers: e.opts.Workers, OnProblem: e.opts.OnProblem, Progress: e.opts.Progress})
	before := e.spent()
	st, err := r.Run(ctx, src, consume)
	for k, v := range e.spent() {
		st.Stage[k] = v - before[k]
	}
	return st, err
}

// spent returns the time spent so far per part of the analysis.
func (e *Engine) spent() map[string]time.Duration {
	m := e.set.Spent()
	m["repair"] = time.Duration(e.spentRepair.Load())
	m["segment"] = time.Duration(e.spentSegment.Load())
	return m
}
