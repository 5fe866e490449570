package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/format/pdf"
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
	OCR        bool     `json:"ocr"`
}

func runRun(ctx context.Context, args []string, _ io.Reader, _, stderr io.Writer) int {
	var f runFlags
	fs := newFlags("run", "run -out DIR [flags] PATH...", stderr)
	fs.StringVar(&f.Out, "out", "", "output `directory` (required); replaced atomically when the run succeeds")
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
	fs.BoolVar(&f.OCR, "ocr", false, ocrUsage)
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
	code, err := runPipeline(ctx, f, roots, stderr)
	if err != nil {
		return fatal(ctx, stderr, "run", err)
	}
	return code
}

// manifest is OUT/manifest.json: what produced the outputs and how long
// each part took.
type manifest struct {
	Tool       string             `json:"tool"`
	Version    string             `json:"version"`
	Go         string             `json:"go"`
	Flags      runFlags           `json:"flags"`
	Inputs     []string           `json:"inputs"`
	Dictionary string             `json:"dictionary"`
	Counts     map[string]int64   `json:"counts"`
	Seconds    map[string]float64 `json:"seconds"`
}

func runPipeline(ctx context.Context, f runFlags, roots []string, stderr io.Writer) (int, error) {
	an, err := newAnalysis(f.DictDir, f.Lexicon, true)
	if err != nil {
		return 0, err
	}
	defer an.Close()
	return runWith(ctx, an, f, roots, stderr)
}

// runWith is a run with the dictionaries already loaded.
func runWith(ctx context.Context, an *analysis, f runFlags, roots []string, stderr io.Writer) (int, error) {
	log := slog.New(slog.NewTextHandler(stderr, nil))
	start := time.Now()
	ropts := pipeline.ReadOptions{
		Walk:     walk.Options{MaxSize: f.MaxSize, Exclude: f.Exclude},
		Encoding: f.Encoding,
	}
	ropts.Format.Split, ropts.Format.TextColumn = f.Split, f.TextColumn
	// PDF, DOCX and scans: one PDFium for the learning pass and the run.
	ropts.OCR, ropts.PDF = f.OCR, pdf.New(pdf.Options{})
	defer ropts.PDF.Close()

	files, totalBytes, err := survey(ctx, roots, ropts)
	if err != nil {
		return 0, err
	}
	learnStart := time.Now()
	if f.Learn {
		// Learning skips OCR, seconds a page: names quoted only in
		// scans are not learned, but each scan is read once.
		lopts := ropts
		lopts.OCR = false
		if err := an.learn(ctx, roots, lopts); err != nil {
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

	counts := tables.Counts()
	counts["files"] = int64(files)
	counts["learned_words"] = int64(len(an.Words))
	seconds := map[string]float64{"wall": 0, "write": writeTime.Seconds(), "load": an.LoadTime.Seconds(), "learn": learnTime.Seconds()}
	for name, d := range st.Stage {
		seconds[name] = d.Seconds()
	}
	dictDir, dictSource := an.Jieba.Dir()
	m := manifest{
		Tool: "baogao", Version: version, Go: runtime.Version(), Flags: f, Inputs: roots,
		Dictionary: dictSource + ": " + dictDir, Counts: counts, Seconds: seconds,
	}
	seconds["wall"] = time.Since(start).Seconds()
	if err := writeJSON(filepath.Join(stage.Dir, "manifest.json"), m); err != nil {
		return 0, err
	}
	if err := stage.Publish(); err != nil {
		return 0, err
	}
	published = true

	mb := float64(st.Bytes) / 1e6
	wall := time.Since(start)
	fmt.Fprintf(stderr, "baogao: %d documents (%d skipped), %d mentions, %d problems; %.1f MB in %s (%.2f MB/s) → %s\n",
		st.Documents, st.Skipped, st.Mentions, st.Problems, mb, wall.Round(time.Millisecond), mb/wall.Seconds(), f.Out)
	if st.Problems > 0 {
		return exitProblems, nil
	}
	return exitOK, nil
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

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}
