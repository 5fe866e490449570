package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline"
	"github.com/baogao/baogao/pipeline/segment"
)

// runBench measures baogao against the floor jieba sets: the bare
// segmentation of the corpus (read and decoded as run reads it, then cut
// in cppjieba's search mode by gojieba with the same number of workers)
// and the whole `baogao run`, each a process of its own (dictionary
// loading included), with wall time, MB/s of input, CPU time and peak
// RSS, and the ratio of the two throughputs.
func runBench(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("bench", "bench [-runs N] [-workers N] [run flags] PATH...", stderr)
	var opts pipeline.Options
	opts.Flags(fs)
	opts.RunFlags(fs)
	runs := fs.Int("runs", 1, "measure each process this many times and report the fastest")
	bare := fs.Bool("segment", false, "be the bare segmentation process (what bench starts)")
	fs.Lookup("workers").DefValue = "2"
	opts.Workers = 2
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	roots := fs.Args()
	if len(roots) == 0 || *runs < 1 {
		fmt.Fprintln(stderr, "baogao bench: need at least one PATH and -runs ≥ 1")
		fs.Usage()
		return exitUsage
	}
	if err := cmp.Or(opts.Check(), checkInputs(roots)); err != nil {
		fmt.Fprintf(stderr, "baogao bench: %v\n", err)
		return exitUsage
	}
	if *bare {
		n, err := segmentOnly(ctx, opts, roots)
		if err != nil {
			return fatal(ctx, stderr, "bench", err)
		}
		fmt.Fprintf(stdout, "%d documents cut\n", n)
		return exitOK
	}
	self, err := os.Executable()
	if err != nil {
		return fatal(ctx, stderr, "bench", err)
	}
	_, size, err := survey(ctx, roots, opts.Read)
	if err != nil {
		return fatal(ctx, stderr, "bench", err)
	}
	// The flags given, passed on to both processes.
	var passed []string
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "runs" && f.Name != "segment" && f.Name != "workers" {
			passed = append(passed, "-"+f.Name+"="+f.Value.String())
		}
	})
	passed = append(passed, fmt.Sprintf("-workers=%d", opts.Workers))
	tmp, err := os.MkdirTemp("", "baogao-bench-")
	if err != nil {
		return fatal(ctx, stderr, "bench", err)
	}
	defer os.RemoveAll(tmp)
	jobs := benchJobs(tmp, passed, roots)
	fmt.Fprintf(stdout, "%.1f MB in %s, %d workers, %s, GOMAXPROCS %d\n", float64(size)/1e6, strings.Join(roots, " "), opts.Workers, runtime.Version(), runtime.GOMAXPROCS(0))
	fmt.Fprintf(stdout, "%-36s %9s %8s %9s %10s\n", "", "wall s", "MB/s", "CPU s", "peak RSS")
	var walls []time.Duration
	for _, j := range jobs {
		var best *measure
		for rep := range *runs {
			m, err := measureProcess(ctx, self, j.args(rep))
			if err != nil {
				return fatal(ctx, stderr, "bench", fmt.Errorf("%s: %w", j.name, err))
			}
			if best == nil || m.wall < best.wall {
				best = m
			}
		}
		walls = append(walls, best.wall)
		fmt.Fprintf(stdout, "%-36s %9.2f %8.2f %9.2f %7.0f MB\n", j.name, best.wall.Seconds(),
			float64(size)/1e6/best.wall.Seconds(), best.cpu.Seconds(), float64(best.maxRSS)/(1<<20))
	}
	fmt.Fprintf(stdout, "run / segmentation throughput: %.2f×\n", walls[0].Seconds()/walls[1].Seconds())
	return exitOK
}

// benchJob is one command bench measures; args gives the arguments of
// its rep-th repetition.
type benchJob struct {
	name string
	args func(rep int) []string
}

// benchJobs returns the commands bench measures: bare segmentation, and
// the whole run, each repetition of which writes a directory of its own
// under tmp (over the previous one's outputs it would find them up to
// date and analyse nothing).
func benchJobs(tmp string, passed, roots []string) []benchJob {
	return []benchJob{
		{"segmentation (gojieba search mode)", func(int) []string {
			return append(append([]string{"bench", "-segment"}, passed...), roots...)
		}},
		{"baogao run", func(rep int) []string {
			out := filepath.Join(tmp, fmt.Sprintf("out%d", rep))
			return append(append([]string{"run", "-out", out, "-progress", "none"}, passed...), roots...)
		}},
	}
}

// measure is what one process cost.
type measure struct {
	wall, cpu time.Duration
	maxRSS    int64 // bytes
}

// measureProcess runs self with args and measures it; an exit status
// other than 0 or 3 (problems recorded) is an error.
func measureProcess(ctx context.Context, self string, args []string) (*measure, error) {
	cmd := exec.CommandContext(ctx, self, args...)
	var errb limitedBuffer
	cmd.Stderr = &errb
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil && cmd.ProcessState != nil && cmd.ProcessState.ExitCode() == exitProblems {
		err = nil
	}
	if err != nil {
		return nil, fmt.Errorf("%v\n%s", err, errb.String())
	}
	m := &measure{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.maxRSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return m, nil
}

// limitedBuffer keeps the last 4 KiB written: the error of a failed
// process.
type limitedBuffer struct{ b []byte }

func (l *limitedBuffer) Write(p []byte) (int, error) {
	l.b = append(l.b, p...)
	if len(l.b) > 4096 {
		l.b = l.b[len(l.b)-4096:]
	}
	return len(p), nil
}

func (l *limitedBuffer) String() string { return string(l.b) }

// segmentOnly is the bare process: the corpus read as run reads it, each
// document's text cut in search mode by workers goroutines, nothing kept.
func segmentOnly(ctx context.Context, opts pipeline.Options, roots []string) (int, error) {
	j, err := segment.New(segment.Options{DictDir: opts.DictDir})
	if err != nil {
		return 0, err
	}
	defer j.Close()
	docs := make(chan *corpus.Document, 4*opts.Workers)
	var wg sync.WaitGroup
	var mu sync.Mutex
	n := 0
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range docs {
				j.CutForSearch(d.Text)
				mu.Lock()
				n++
				mu.Unlock()
			}
		}()
	}
	err = pipeline.Read(roots, opts.Read)(ctx, func(d *corpus.Document) error {
		if d.Skip == "" {
			docs <- d
		}
		return nil
	})
	close(docs)
	wg.Wait()
	return n, err
}
