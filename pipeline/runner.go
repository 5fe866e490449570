package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

	"github.com/baogao/baogao/corpus"
)

// Stage adds to one document: tokens, mentions, metadata.
type Stage interface {
	Name() string
	// Process analyses doc. An error becomes a Problem of the document
	// (it is non-fatal); stages that cannot go on without the previous
	// stage's output check for it themselves.
	Process(ctx context.Context, doc *corpus.Document) error
}

// ProblemFunc decides what a Problem means for the run: nil records it and
// goes on (the default); an error stops the run (-fail-fast).
type ProblemFunc func(doc *corpus.Document, p corpus.Problem) error

// Source emits the documents of a run in input order. It returns when
// every document is emitted, emit fails, or ctx is done.
type Source func(ctx context.Context, emit func(*corpus.Document) error) error

// RunnerOptions configures a Runner. The zero value runs GOMAXPROCS
// workers and records every problem.
type RunnerOptions struct {
	// Workers analysing documents in parallel. 0: GOMAXPROCS, since the
	// stages are CPU-bound (segmentation dominates). 1: inline, no
	// goroutines, the easiest to profile.
	Workers int
	// OnProblem is called for each Problem, from the consumer goroutine.
	// Nil records and continues.
	OnProblem ProblemFunc
	// Progress is called from the consumer goroutine after each document
	// reaches the consumer. Nil: nothing.
	Progress func(doc *corpus.Document)
	// Window bounds the documents between the source and the consumer:
	// read, being analysed, or finished and waiting for an earlier one
	// (the reorder buffer). 0: 4 per worker, enough to keep every worker
	// busy behind one slow document without holding the corpus in memory.
	Window int
	// WindowBytes bounds the text bytes of those documents; a document
	// larger than the bound runs alone. 0: DefaultWindowBytes.
	WindowBytes int64
}

// DefaultWindowBytes is the text in flight by default. Analysis holds
// about 40 bytes of tokens and mentions per byte of text, so 16 MiB of
// text is some 650 MiB at the peak, inside the 1 GiB a run may take.
const DefaultWindowBytes = 16 << 20

// SetDefaults fills the zero fields.
func (o *RunnerOptions) SetDefaults() {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.OnProblem == nil {
		o.OnProblem = func(*corpus.Document, corpus.Problem) error { return nil }
	}
	if o.Progress == nil {
		o.Progress = func(*corpus.Document) {}
	}
	if o.Window <= 0 {
		o.Window = 4 * o.Workers
	}
	if o.WindowBytes <= 0 {
		o.WindowBytes = DefaultWindowBytes
	}
}

// Stats counts what a run did. Durations per stage add up the time every
// worker spent in it, so they exceed wall time with several workers.
type Stats struct {
	Documents int64
	Files     int64 // input files (a file split into several documents counts once)
	DiskBytes int64 // bytes of those files as stored (archive members uncompressed)
	Bytes     int64 // of decoded text
	Skipped   int64
	Problems  int64
	Mentions  int64
	Stage     map[string]time.Duration
	Wall      time.Duration
}

// Runner applies Stages to every document of a Source.
type Runner struct {
	Stages []Stage
	opts   RunnerOptions
	spent  []atomic.Int64 // nanoseconds per stage
}

// NewRunner returns a Runner for stages.
func NewRunner(stages []Stage, opts RunnerOptions) *Runner {
	opts.SetDefaults()
	return &Runner{Stages: stages, opts: opts, spent: make([]atomic.Int64, len(stages))}
}

type seqDoc struct {
	seq    int
	doc    *corpus.Document
	weight int64 // of the text window, taken when it was read
}

// Run analyses every document src emits and hands it to consume, in input
// order, from one goroutine. consume's error is fatal, as is an error of
// OnProblem or src; the run stops and Run returns it. Context
// cancellation returns ctx.Err().
func (r *Runner) Run(ctx context.Context, src Source, consume func(*corpus.Document) error) (Stats, error) {
	start := time.Now()
	var st Stats
	lastPath := ""
	deliver := func(doc *corpus.Document) error {
		st.Documents++
		if st.Documents == 1 || doc.Path != lastPath {
			st.Files++
			st.DiskBytes += doc.Size
			lastPath = doc.Path
		}
		st.Bytes += int64(len(doc.Text))
		st.Mentions += int64(len(doc.Mentions))
		if doc.Skip != "" {
			st.Skipped++
		}
		for _, p := range doc.Problems {
			st.Problems++
			if err := r.opts.OnProblem(doc, p); err != nil {
				return err
			}
		}
		if err := consume(doc); err != nil {
			return err
		}
		r.opts.Progress(doc)
		return nil
	}
	var err error
	if r.opts.Workers == 1 {
		err = src(ctx, func(doc *corpus.Document) error {
			r.process(ctx, doc)
			if err := ctx.Err(); err != nil {
				return err
			}
			return deliver(doc)
		})
	} else {
		err = r.parallel(ctx, src, deliver)
	}
	st.Wall = time.Since(start)
	st.Stage = make(map[string]time.Duration, len(r.Stages))
	for i, s := range r.Stages {
		st.Stage[s.Name()] += time.Duration(r.spent[i].Load())
	}
	if err == nil {
		err = ctx.Err()
	}
	return st, err
}

// parallel fans documents out to workers and back in order. The window
// (Options.Window documents, Options.WindowBytes of text) bounds what is
// in flight from the source to the consumer, the reorder buffer
// included: one slow document holds back at most a window of finished
// ones, never the rest of the corpus.
func (r *Runner) parallel(ctx context.Context, src Source, deliver func(*corpus.Document) error) error {
	g, ctx := errgroup.WithContext(ctx)
	in := make(chan seqDoc, r.opts.Workers)
	out := make(chan seqDoc, r.opts.Workers)
	docs := semaphore.NewWeighted(int64(r.opts.Window))
	text := semaphore.NewWeighted(r.opts.WindowBytes)
	weight := func(doc *corpus.Document) int64 { return min(int64(len(doc.Text)), r.opts.WindowBytes) }
	g.Go(func() error {
		defer close(in)
		seq := 0
		return src(ctx, func(doc *corpus.Document) error {
			if err := docs.Acquire(ctx, 1); err != nil {
				return err
			}
			w := weight(doc)
			if err := text.Acquire(ctx, w); err != nil {
				docs.Release(1)
				return err
			}
			select {
			case in <- seqDoc{seq, doc, w}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	})
	var wg sync.WaitGroup
	for range r.opts.Workers {
		wg.Add(1)
		g.Go(func() error {
			defer wg.Done()
			for sd := range in {
				r.process(ctx, sd.doc)
				select {
				case out <- sd:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}
	go func() { wg.Wait(); close(out) }()
	g.Go(func() error {
		// Reorder: hold documents that finished early until their turn.
		// The window bounds pending.
		pending := map[int]seqDoc{}
		next := 0
		for sd := range out {
			pending[sd.seq] = sd
			for sd, ok := pending[next]; ok; sd, ok = pending[next] {
				delete(pending, next)
				next++
				err := deliver(sd.doc)
				text.Release(sd.weight) // as acquired: stages may change the text
				docs.Release(1)
				if err != nil {
					return err
				}
			}
		}
		return nil
	})
	return g.Wait()
}

// process runs every stage on doc, turning stage errors and panics into
// Problems. Skipped documents pass through untouched.
func (r *Runner) process(ctx context.Context, doc *corpus.Document) {
	if doc.Skip != "" {
		return
	}
	for i, s := range r.Stages {
		if ctx.Err() != nil {
			return
		}
		t := time.Now()
		err := safeProcess(ctx, s, doc)
		r.spent[i].Add(int64(time.Since(t)))
		if err != nil && !errors.Is(err, context.Canceled) {
			doc.Problems = append(doc.Problems, stageProblem(doc, s.Name(), err))
		}
	}
}

// errPanic is wrapped by the error of a stage that panicked.
var errPanic = errors.New("panic")

// stageProblem is the Problem of a stage that failed on doc. A stage's
// error may carry its own place and reason (a *corpus.Problem); others
// are about the document as a whole.
func stageProblem(doc *corpus.Document, stage string, err error) corpus.Problem {
	var p *corpus.Problem
	if errors.As(err, &p) {
		q := *p
		q.Path = doc.Path
		if q.Stage == "" {
			q.Stage = stage
		}
		return q
	}
	reason := stage + " failed"
	if errors.Is(err, errPanic) {
		reason = "panic in " + stage
	}
	return corpus.Problem{Path: doc.Path, Stage: stage, Reason: reason, Err: err}
}

// safeProcess recovers a panic in a stage into an error with its stack,
// so one document cannot stop the run (a crash in jieba's C++ still can).
func safeProcess(ctx context.Context, s Stage, doc *corpus.Document) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %v\n%s", errPanic, p, debug.Stack())
		}
	}()
	return s.Process(ctx, doc)
}
