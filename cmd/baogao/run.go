package main

import (
	"cmp"
	"context"
	"errors"
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
	"github.com/baogao/baogao/corpus/charset"
	"github.com/baogao/baogao/corpus/walk"
	"github.com/baogao/baogao/output"
	"github.com/baogao/baogao/output/searchindex"
	"github.com/baogao/baogao/output/summary"
	"github.com/baogao/baogao/pipeline"
)

// runFlags are the flags of `baogao run`, kept in one struct so the
// manifest records exactly what was asked.
type runFlags struct {
	Out        string   `json:"out"`
	Workers    int      `json:"workers"`
	FailFast   bool     `json:"fail_fast"`
	DictDir    string   `json:"dict_dir,omitempty"`
	Split      string   `json:"split,omitempty"`
	TextColumn string   `json:"text_column,omitempty"`
	Encoding   string   `json:"encoding,omitempty"`
	MaxSize    int64    `json:"max_size"`
	Exclude    []string `json:"exclude"`
	Lexicon    string   `json:"lexicon,omitempty"`
	Progress   string   `json:"progress"`
	Learn      bool     `json:"learn"`
	CPUProfile string   `json:"cpu_profile,omitempty"`
	MemProfile string   `json:"mem_profile,omitempty"`
}

func runRun(ctx context.Context, args []string, _ io.Reader, _, stderr io.Writer) int {
	began := time.Now()
	var f runFlags
	fs := newFlags("run", "run -out DIR [flags] PATH...", stderr)
	fs.StringVar(&f.Out, "out", "", "output `directory` (required): a new or empty directory, or one an earlier run wrote; replaced atomically when the run succeeds")
	fs.IntVar(&f.Workers, "workers", 0, "documents analysed in parallel (0: one per CPU; 1: inline, for profiling)")
	fs.BoolVar(&f.FailFast, "fail-fast", false, "stop at the first problem instead of recording it")
	fs.StringVar(&f.DictDir, "dict-dir", "", "jieba dictionary `directory` (default $BAOGAO_DICT_DIR, then the embedded or gojieba's own)")
	fs.StringVar(&f.Split, "split", "", "line `prefix` that starts a new document inside .md/.txt files, e.g. '### '")
	fs.StringVar(&f.TextColumn, "text-column", "", "CSV column holding the text (default \"text\")")
	fs.StringVar(&f.Encoding, "encoding", "", "decode every file as this `encoding` (utf-8, gb18030, big5, utf-16le, ...) instead of detecting")
	fs.Int64Var(&f.MaxSize, "max-size", 1<<30, "skip files larger than this many `bytes`, recording a problem (0: no limit)")
	exclude := fs.String("exclude", ".*", "comma-separated `globs` of file and directory names to leave out")
	fs.StringVar(&f.Lexicon, "lexicon", "", "`file` of known initiative names, one per line (optional TAB type; '-name' excludes)")
	fs.BoolVar(&f.Learn, "learn", true, "read the corpus once first; initiative names of five or more characters that a report quotes with a head noun (“健康守门人”工程) are then recognised unquoted in every report and kept whole in segmentation and search")
	fs.StringVar(&f.Progress, "progress", "auto", "progress display: auto (bar on a terminal, else log lines), bar, log, none")
	fs.StringVar(&f.CPUProfile, "cpuprofile", "", "write a CPU profile of the run to `file` (for go tool pprof)")
	fs.StringVar(&f.MemProfile, "memprofile", "", "write a heap profile taken at the run's highest heap to `file` (for go tool pprof)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	roots := fs.Args()
	if f.Out == "" || len(roots) == 0 {
		fmt.Fprintln(stderr, "baogao run: need -out DIR and at least one PATH")
		fs.Usage()
		return exitUsage
	}
	if *exclude != "" {
		f.Exclude = strings.Split(*exclude, ",")
	}
	if err := checkRunFlags(f, roots); err != nil {
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
	code, err := runPipeline(ctx, f, roots, began, stderr)
	if err != nil {
		return fatal(ctx, stderr, "run", err)
	}
	return code
}

// checkRunFlags checks what the command line asks before anything is
// loaded or written: known option values, inputs that exist and can be
// read, and an output directory that may be replaced.
func checkRunFlags(f runFlags, roots []string) error {
	if err := checkProgress(f.Progress); err != nil {
		return err
	}
	if f.Encoding != "" && !charset.Known(f.Encoding) {
		return fmt.Errorf("-encoding %q: unknown; one of %s", f.Encoding, strings.Join(charset.Names(), ", "))
	}
	if f.Workers < 0 {
		return fmt.Errorf("-workers %d: want 0 (one per CPU) or more", f.Workers)
	}
	if f.MaxSize < 0 {
		return fmt.Errorf("-max-size %d: want 0 (no limit) or more", f.MaxSize)
	}
	for _, root := range roots {
		if err := readable(root); err != nil {
			return fmt.Errorf("input %w", err)
		}
	}
	return output.CheckTarget(f.Out, roots)
}

// readable reports whether an input root exists and can be listed or
// read, naming it in the error.
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

// runPipeline is a run; began is when the command started, so the wall
// time reported includes loading the dictionaries.
func runPipeline(ctx context.Context, f runFlags, roots []string, began time.Time, stderr io.Writer) (int, error) {
	an, err := newAnalysis(f.DictDir, f.Lexicon, true)
	if err != nil {
		return 0, err
	}
	defer an.Close()
	return runWith(ctx, an, f, roots, began, stderr)
}

// runWith is a run with the dictionaries already loaded.
func runWith(ctx context.Context, an *analysis, f runFlags, roots []string, began time.Time, stderr io.Writer) (int, error) {
	log := slog.New(slog.NewTextHandler(stderr, nil))
	ropts := pipeline.ReadOptions{
		Walk:     walk.Options{MaxSize: f.MaxSize, Exclude: f.Exclude},
		Encoding: f.Encoding,
	}
	ropts.Format.Split, ropts.Format.TextColumn = f.Split, f.TextColumn

	files, totalBytes, err := survey(ctx, roots, ropts)
	if err != nil {
		return 0, err
	}
	workers := f.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	log.Info("baogao run", "inputs", strings.Join(roots, " "), "files", files,
		"MB", fmt.Sprintf("%.1f", float64(totalBytes)/1e6), "workers", workers, "out", f.Out)
	learnStart := time.Now()
	if f.Learn {
		if err := an.learn(ctx, roots, ropts); err != nil {
			return 0, err
		}
	}
	learnTime := time.Since(learnStart)
	stage, err := output.NewStaging(f.Out)
	if err != nil {
		return 0, err
	}
	published := false
	defer func() {
		if !published {
			stage.Discard()
		}
	}()
	tables, err := summary.New(stage.Dir, summary.Options{})
	if err != nil {
		return 0, err
	}
	index, err := searchindex.Create(filepath.Join(stage.Dir, "index"))
	if err != nil {
		tables.Finish()
		return 0, err
	}
	if err := index.SetWords(an.Words); err != nil {
		tables.Finish()
		index.Finish()
		return 0, err
	}
	// The index is the slowest sink: it builds on its own goroutine while
	// the tables are written. 64 documents in flight bound the memory.
	sinks := output.Multi{output.NewAsync(index, 64), tables}

	prog := newProgress(f.Progress, stderr, log, files, totalBytes)
	opts := pipeline.Options{Workers: f.Workers, Progress: prog.Done}
	if f.FailFast {
		opts.OnProblem = func(_ *corpus.Document, p corpus.Problem) error { return fmt.Errorf("-fail-fast: %w", p) }
	}
	runner := pipeline.New(an.Stages(), opts)
	var writeTime time.Duration
	st, err := runner.Run(ctx, pipeline.Read(roots, ropts), func(doc *corpus.Document) error {
		t := time.Now()
		err := sinks.Add(doc)
		writeTime += time.Since(t)
		return err
	})
	prog.Close()
	t := time.Now()
	if ferr := sinks.Finish(); err == nil {
		err = ferr
	}
	writeTime += time.Since(t)
	if err != nil {
		return 0, err
	}
	reasons := tables.Reasons()
	if st.Documents == st.Skipped {
		// Nothing to publish: keep whatever outputs are there.
		fmt.Fprintf(stderr, "baogao run: no document could be analysed in %s (%d files, %d skipped); nothing was published\n",
			strings.Join(roots, " "), st.Files, st.Skipped)
		printReasons(stderr, reasons, "")
		return exitFatal, nil
	}

	counts := tables.Counts()
	counts["files"] = st.Files
	counts["learned_words"] = int64(len(an.Words))
	seconds := map[string]float64{"write": writeTime.Seconds(), "load": an.LoadTime.Seconds(), "learn": learnTime.Seconds()}
	for name, d := range st.Stage {
		seconds[name] = d.Seconds()
	}
	dictDir, dictSource := an.Jieba.Dir()
	v := currentVersion()
	m := &output.Manifest{
		Version: v.Version, Revision: v.Revision, Go: runtime.Version(), Flags: f, Inputs: roots,
		Dictionary: dictSource + ": " + dictDir, Counts: counts, Problems: reasons, Seconds: seconds,
	}
	seconds["wall"] = time.Since(began).Seconds()
	m.Created = time.Now().UTC().Format(time.RFC3339)
	if err := output.WriteManifest(stage.Dir, m); err != nil {
		return 0, err
	}
	if err := stage.Publish(); err != nil {
		return 0, err
	}
	published = true

	mb := float64(st.DiskBytes) / 1e6
	wall := time.Since(began)
	fmt.Fprintf(stderr, "baogao: %d documents (%d skipped), %d mentions, %d problems; %.1f MB read in %s (%.2f MB/s) → %s\n",
		st.Documents, st.Skipped, st.Mentions, st.Problems, mb, wall.Round(time.Millisecond), mb/wall.Seconds(), f.Out)
	if st.Problems > 0 {
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
