// Command baogao turns folders of Chinese reports into Parquet tables of
// dates, numbers and named initiatives, and a full-text search index.
//
// Run `baogao -h` for the subcommands and exit status.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// Exit status, as restic: listed in usage.
const (
	exitOK          = 0
	exitFatal       = 1
	exitUsage       = 2
	exitProblems    = 3
	exitInterrupted = 130
)

const usage = `baogao turns folders of Chinese reports into searchable, analysable data.

Usage:
  baogao run -out DIR [flags] PATH...     analyse reports into Parquet tables and a search index
  baogao extract [flags] [FILE...]        print dates, numbers, initiatives and entities as JSON Lines
  baogao learn -out FILE [flags] PATH...  learn the initiative names a corpus quotes, with evidence, for run -lexicon
  baogao merge -out DIR SHARD...          join the outputs of run -shard i/n into one
  baogao search -index DIR [flags] QUERY  search an index built by run
  baogao serve [-addr HOST:PORT] OUT...   serve a search page and a JSON API over run outputs
  baogao eval -gold FILE.jsonl            score the extractors against annotated documents
  baogao problems [-json] OUT             list the problems of a run, grouped by reason
  baogao bench [run flags] PATH...        time bare jieba segmentation and the whole run on a corpus
  baogao version                          print the version (also: baogao --version)

Run 'baogao COMMAND -h' for the flags of a command.

Exit status:
  0    all good
  1    fatal error; nothing was published
  2    bad command line
  3    finished with problems: outputs published, see problems.parquet
  130  interrupted; nothing was published

Environment:
  BAOGAO_DICT_DIR  directory of the jieba dictionaries (same as -dict-dir)
  GOGC, GOMEMLIMIT the Go garbage collector (defaults here: 200 and 640MiB,
                   which keep a run under 1 GiB of memory)
`

// The garbage collector's defaults, unless GOGC or GOMEMLIMIT say
// otherwise: collect at twice the live heap instead of once, which spares
// a fifth of the CPU of a run (measured on xwlb: 41.6 → 37.2 CPU-s), and a
// soft limit on the Go heap that keeps the process (jieba's dictionaries
// and the Go heap) under 1 GiB whatever the corpus size: collections come
// sooner as the heap nears it.
const (
	gcPercent   = 200
	memoryLimit = 640 << 20
)

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without the process: tests call it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var cmd func(context.Context, []string, io.Reader, io.Writer, io.Writer) int
	switch args[0] {
	case "run":
		cmd = runRun
	case "extract":
		cmd = runExtract
	case "search":
		cmd = runSearch
	case "serve":
		cmd = runServe
	case "bench":
		cmd = runBench
	case "merge":
		cmd = runMerge
	case "eval":
		cmd = runEval
	case "learn":
		cmd = runLearn
	case "problems":
		cmd = runProblems
	case "version", "-version", "--version":
		printVersion(stdout)
		return exitOK
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "baogao: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
	return cmd(ctx, args[1:], stdin, stdout, stderr)
}

// newFlags returns a FlagSet for a subcommand that prints its usage line
// and flags to stderr.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: baogao %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, mapping -h to exit 0 and errors to exit 2.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}

// fatal prints err as "baogao CMD: err" and returns the exit status: 130
// when the context was cancelled, 1 otherwise.
func fatal(ctx context.Context, stderr io.Writer, cmd string, err error) int {
	if ctx.Err() != nil {
		fmt.Fprintf(stderr, "baogao %s: interrupted; nothing was published\n", cmd)
		return exitInterrupted
	}
	fmt.Fprintf(stderr, "baogao %s: %v\n", cmd, err)
	return exitFatal
}
