package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/walk"
	"github.com/baogao/baogao/output"
	"github.com/baogao/baogao/output/searchindex"
	"github.com/baogao/baogao/output/summary"
	"github.com/baogao/baogao/pipeline"
)

// runFlags are the flags of `baogao run` that are not engine options; the
// manifest records them with the options.
type runFlags struct {
	Out        string `json:"out"`
	FailFast   bool   `json:"fail_fast"`
	Progress   string `json:"progress"`
	CPUProfile string `json:"cpu_profile,omitempty"`
	MemProfile string `json:"mem_profile,omitempty"`
	Full       bool   `json:"full,omitempty"`
	Shard      string `json:"shard,omitempty"`
	// Partition is -partition. It is no engine option and stays out of
	// the options hash (pipeline.Engine.Hash): it adds copies of three
	// tables and changes no row of any.
	Partition string `json:"partition,omitempty"`
}

// manifestFlags is what a run's manifest records of its command line.
type manifestFlags struct {
	runFlags
	Split      string   `json:"split,omitempty"`
	TextColumn string   `json:"text_column,omitempty"`
	Encoding   string   `json:"encoding,omitempty"`
	MaxSize    int64    `json:"max_size"`
	Exclude    []string `json:"exclude"`
	Lexicon    string   `json:"lexicon,omitempty"`
	Learn      bool     `json:"learn"`
	Workers    int      `json:"workers"`
	DictDir    string   `json:"dict_dir,omitempty"`
	OCR        bool     `json:"ocr"`
}

func runRun(ctx context.Context, args []string, _ io.Reader, _, stderr io.Writer) int {
	began := time.Now()
	var f runFlags
	var opts pipeline.Options
	fs := newFlags("run", "run -out DIR [flags] PATH...", stderr)
	fs.StringVar(&f.Out, "out", "", "output `directory` (required): a new or empty directory, or one an earlier run wrote; replaced atomically when the run succeeds")
	opts.Flags(fs)
	opts.RunFlags(fs)
	fs.BoolVar(&f.FailFast, "fail-fast", false, "stop at the first problem instead of recording it")
	fs.StringVar(&f.Progress, "progress", "auto", "progress display: auto (bar on a terminal, else log lines), bar, log, none")
	fs.StringVar(&f.Partition, "partition", "", "also write documents, mentions and problems as hive-partitioned datasets by `key`, one of: "+
		strings.Join(summary.Partitionings(), ", ")+" (the document's year: OUT/mentions/year=2021/part-0.parquet, ...; unknown years under year="+
		summary.NullPartition+"); the single-file tables are written either way (default: none)")
	fs.StringVar(&f.CPUProfile, "cpuprofile", "", "write a CPU profile of the run to `file` (for go tool pprof)")
	fs.StringVar(&f.MemProfile, "memprofile", "", "write a heap profile taken at the run's highest heap to `file` (for go tool pprof)")
	fs.BoolVar(&f.Full, "full", false, "analyse every file, even when OUT holds an earlier run's outputs of the same files with the same options (by default only new and changed files are analysed, the rest carried forward)")
	fs.StringVar(&f.Shard, "shard", "", "analyse only shard `i/n` of the files (0 ≤ i < n, by a hash of each path), for runs on n machines joined by baogao merge; learning is off (learn the lexicon of the whole corpus with baogao learn, pass it with -lexicon)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	roots := fs.Args()
	if f.Shard != "" {
		shard, err := pipeline.ParseShard(f.Shard)
		if err != nil {
			fmt.Fprintf(stderr, "baogao run: %v\n", err)
			return exitUsage
		}
		learnSet := false
		fs.Visit(func(fl *flag.Flag) { learnSet = learnSet || fl.Name == "learn" })
		if learnSet && opts.Learn {
			fmt.Fprintln(stderr, "baogao run: -shard learns nothing: a shard sees part of the corpus; run baogao learn over all of it and pass -lexicon")
			return exitUsage
		}
		opts.Read.Shard, opts.Learn = shard, false
	}
	if f.Out == "" || len(roots) == 0 {
		fmt.Fprintln(stderr, "baogao run: need -out DIR and at least one PATH")
		fs.Usage()
		return exitUsage
	}
	if err := cmp.Or(checkProgress(f.Progress), checkPartition(f.Partition), opts.Check(), checkInputs(roots), output.CheckTarget(f.Out, roots)); err != nil {
		fmt.Fprintf(stderr, "baogao run: %v\n", err)
		return exitUsage
	}
	if f.CPUProfile != "" {
		fh, err := os.Create(f.CPUProfile)
		if err != nil {
			return fatal(ctx, stderr, "run", err)
		}
		if err := pprof.StartCPUProfile(fh); err != nil {
			return fatal(ctx, stderr, "run", err)
		}
		defer func() { pprof.StopCPUProfile(); fh.Close() }()
	}
	if f.MemProfile != "" {
		defer startPeakHeapProfile(f.MemProfile).Stop()
	}
	opts.Version = currentVersion().Version
	if f.FailFast {
		opts.OnProblem = func(_ *corpus.Document, p corpus.Problem) error { return fmt.Errorf("-fail-fast: %w", p) }
	}
	e, err := pipeline.New(opts)
	if err != nil {
		return fatal(ctx, stderr, "run", err)
	}
	defer e.Close()
	code, err := runWith(ctx, e, f, roots, began, stderr)
	if err != nil {
		return fatal(ctx, stderr, "run", err)
	}
	return code
}

// checkPartition reports whether by is a value of -partition.
func checkPartition(by string) error {
	if by == "" {
		return nil
	}
	if err := summary.CheckPartitioning(by); err != nil {
		return fmt.Errorf("-%w (or none, the default)", err)
	}
	return nil
}

// checkInputs reports the first input root that does not exist or cannot
// be read, naming it.
func checkInputs(roots []string) error {
	for _, root := range roots {
		if err := readable(root); err != nil {
			return fmt.Errorf("input %w", err)
		}
	}
	return nil
}

// readable reports whether an input root exists and can be listed or
// read.
func readable(root string) error {
	st, err := os.Stat(root)
	if err != nil {
		return err // *PathError: "stat PATH: no such file or directory"
	}
	fh, err := os.Open(root)
	if err != nil {
		return err
	}
	defer fh.Close()
	if st.IsDir() {
		if _, err := fh.Readdirnames(1); err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("%s: %w", root, err)
		}
	}
	return nil
}

// runWith is a run with the engine loaded; began is when the command
// started, so the wall time reported includes loading the dictionaries.
func runWith(ctx context.Context, e *pipeline.Engine, f runFlags, roots []string, began time.Time, stderr io.Writer) (int, error) {
	log := slog.New(slog.NewTextHandler(stderr, nil))
	opts := e.Options()
	files, totalBytes, err := survey(ctx, roots, opts.Read)
	if err != nil {
		return 0, err
	}
	workers := cmp.Or(opts.Workers, runtime.GOMAXPROCS(0))
	log.Info("baogao run", "inputs", strings.Join(roots, " "), "files", files,
		"MB", fmt.Sprintf("%.1f", float64(totalBytes)/1e6), "workers", workers, "out", f.Out)
	// What a killed run left beside OUT goes first, also when this run
	// then finds OUT up to date and writes nothing.
	if err := output.Recover(f.Out); err != nil {
		return 0, err
	}
	// An earlier run's outputs in OUT: carry forward the rows of the
	// files that did not change.
	var pl *plan
	if !f.Full {
		prev, why, err := openPrevious(f.Out, e, opts.Read.Shard)
		if err != nil {
			return 0, err
		}
		if why != "" {
			log.Info("analysing every file", "why", why)
		}
		if prev != nil {
			pl = &plan{prev: prev}
			if err := pl.scan(ctx, roots, opts.Read); err != nil {
				return 0, err
			}
		}
	}
	read := opts.Read
	if pl != nil {
		read.Carry = pl.carry
	}
	learnStart := time.Now()
	var learned pipeline.Learned
	var evidence []pipeline.Evidence
	if opts.Learn {
		lr := pipeline.LearnRead(read)
		var prior func(*corpus.Document) []pipeline.Evidence
		if pl != nil {
			prior = pl.prior
		}
		if learned, evidence, err = e.Learn(ctx, pipeline.Read(roots, lr), prior); err != nil {
			return 0, err
		}
		if pl != nil {
			if err := pl.relearn(ctx, e, pipeline.LearnedFrom(pl.prev.evidence), learned); err != nil {
				return 0, err
			}
		}
		e.UseLexicon(learned.Lexicon())
	}
	learnTime := time.Since(learnStart)
	if pl != nil && pl.unchanged(e.Hash(), f.Partition) {
		fmt.Fprintf(stderr, "baogao: %s is up to date: %d files unchanged since %s; nothing written\n", f.Out, pl.stats.Unchanged, pl.prev.manifest.Created)
		if n := pl.prev.manifest.Counts["problems"]; n > 0 {
			printReasons(stderr, pl.prev.manifest.Problems, f.Out)
			return exitProblems, nil
		}
		return exitOK, nil
	}
	wopts := output.WriterOptions{Partition: f.Partition}
	if pl != nil {
		wopts.Sources = []string{f.Out}
	}
	w, err := output.NewWriter(f.Out, searchindex.Analyzer{Jieba: e.Jieba(), Words: e.Words()}, wopts)
	if err != nil {
		return 0, err
	}
	w.Tables.SetLearned(learnedRows(evidence))
	published := false
	defer func() {
		if !published {
			w.Discard()
		}
	}()
	prog := newProgress(f.Progress, stderr, log, files, totalBytes)
	var writeTime time.Duration
	st, err := e.Run(ctx, pipeline.Read(roots, read), func(doc *corpus.Document) error {
		prog.Done(doc)
		t := time.Now()
		err := w.Add(doc)
		writeTime += time.Since(t)
		return err
	})
	prog.Close()
	t := time.Now()
	if ferr := w.Finish(); err == nil {
		err = ferr
	}
	writeTime += time.Since(t)
	if err != nil {
		return 0, err
	}
	reasons := w.Tables.Reasons()
	counts := w.Tables.Counts()
	// A shard may hold no file of a small corpus: its empty outputs are
	// still one part of the merge.
	if counts["documents"] == counts["skipped"] && !(opts.Read.Shard.N > 1 && counts["documents"] == 0) {
		// Nothing to publish: keep whatever outputs are there.
		fmt.Fprintf(stderr, "baogao run: no document could be analysed in %s (%d files, %d skipped); nothing was published\n",
			strings.Join(roots, " "), st.Files, counts["skipped"])
		printReasons(stderr, reasons, "")
		return exitFatal, nil
	}
	seconds := map[string]float64{"write": writeTime.Seconds(), "load": e.LoadTime.Seconds(), "learn": learnTime.Seconds()}
	for name, d := range st.Stage {
		seconds[name] = d.Seconds()
	}
	dictDir, dictSource := e.Jieba().Dir()
	v := currentVersion()
	m := &output.Manifest{
		Version: v.Version, Revision: v.Revision, Go: runtime.Version(), OptionsHash: e.Hash(),
		Flags: manifestFlags{runFlags: f, Split: opts.Read.Format.Split, TextColumn: opts.Read.Format.TextColumn,
			Encoding: opts.Read.Encoding, MaxSize: opts.Read.Walk.MaxSize, Exclude: opts.Read.Walk.Exclude,
			Lexicon: opts.LexiconFile, Learn: opts.Learn, Workers: opts.Workers, DictDir: opts.DictDir, OCR: opts.Read.OCR},
		Inputs: roots, Dictionary: dictSource + ": " + dictDir + " (" + e.Jieba().Hash() + ")",
		Counts: map[string]int64{"files": st.Files, "learned_words": int64(len(learned)), "kept_words": int64(e.Words().Len())}, Seconds: seconds,
		Shard: opts.Read.Shard.String(),
	}
	if m.Analysis, err = json.Marshal(e.Analysis()); err != nil {
		return 0, err
	}
	if pl != nil {
		m.Incremental = &pl.stats
	}
	seconds["wall"] = time.Since(began).Seconds()
	m.Created = time.Now().UTC().Format(time.RFC3339)
	if err := w.Publish(m); err != nil {
		return 0, err
	}
	published = true

	mb := float64(st.DiskBytes) / 1e6
	wall := time.Since(began)
	fmt.Fprintf(stderr, "baogao: %d documents (%d skipped), %d mentions, %d problems; %.1f MB read in %s (%.2f MB/s) → %s\n",
		counts["documents"], counts["skipped"], counts["mentions"], counts["problems"], mb, wall.Round(time.Millisecond), mb/wall.Seconds(), f.Out)
	if pl != nil {
		s := pl.stats
		fmt.Fprintf(stderr, "baogao: incremental: %d files unchanged (rows carried forward), %d new, %d changed, %d deleted; %d unchanged analysed again for %d changed learned names (-full analyses everything)\n",
			s.Unchanged, s.New, s.Changed, s.Deleted, s.Relearned, len(s.Names))
	}
	if counts["problems"] > 0 {
		printReasons(stderr, reasons, f.Out)
		return exitProblems, nil
	}
	return exitOK, nil
}

// topReasons is how many problem reasons the summary names.
const topReasons = 3

// printReasons names the most common problem reasons with their counts,
// and where to see them all.
func printReasons(w io.Writer, reasons map[string]int64, out string) {
	if len(reasons) == 0 {
		return
	}
	groups := make([]reasonCount, 0, len(reasons))
	for r, n := range reasons {
		groups = append(groups, reasonCount{r, n})
	}
	sortReasons(groups)
	var parts []string
	for _, g := range groups[:min(topReasons, len(groups))] {
		parts = append(parts, fmt.Sprintf("%d× %s", g.n, g.reason))
	}
	if len(groups) > topReasons {
		parts = append(parts, fmt.Sprintf("%d more reasons", len(groups)-topReasons))
	}
	fmt.Fprintf(w, "baogao: problems: %s", strings.Join(parts, "; "))
	if out != "" {
		fmt.Fprintf(w, "; all in %s (baogao problems %s)", filepath.Join(out, summary.ProblemsFile), out)
	}
	fmt.Fprintln(w)
}

// reasonCount is a problem reason and how many problems have it.
type reasonCount struct {
	reason string
	n      int64
}

// sortReasons orders the most frequent first, then by reason.
func sortReasons(g []reasonCount) {
	slices.SortFunc(g, func(a, b reasonCount) int {
		return cmp.Or(cmp.Compare(b.n, a.n), strings.Compare(a.reason, b.reason))
	})
}

// survey walks the inputs once without reading them, for the progress
// total. Listing is cheap next to analysis.
func survey(ctx context.Context, roots []string, ropts pipeline.ReadOptions) (files int, bytes int64, err error) {
	ropts.SetDefaults()
	err = walk.Walk(ctx, roots, ropts.Walk, func(f walk.File) error {
		files++
		bytes += f.Size
		return nil
	})
	return files, bytes, err
}
