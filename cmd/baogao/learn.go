package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/baogao/baogao/pipeline"
)

// lexiconHeader begins every lexicon `baogao learn` writes; learn replaces
// only files that begin with it.
const lexiconHeader = "# baogao learned lexicon"

func runLearn(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	var opts pipeline.Options
	fs := newFlags("learn", "learn -out FILE [flags] PATH...", stderr)
	out := fs.String("out", "", "lexicon `file` to write (- for standard output): the learned names with their type, documents, first quoted form and first path; `run -lexicon` reads it")
	opts.Flags(fs)
	opts.RunFlags(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	roots := fs.Args()
	if *out == "" || len(roots) == 0 {
		fmt.Fprintln(stderr, "baogao learn: need -out FILE and at least one PATH")
		fs.Usage()
		return exitUsage
	}
	if err := errors.Join(opts.Check(), checkInputs(roots), checkLexiconOut(*out)); err != nil {
		fmt.Fprintf(stderr, "baogao learn: %v\n", err)
		return exitUsage
	}
	opts.NoEntities = true // learning runs the initiative extractor only
	e, err := pipeline.New(opts)
	if err != nil {
		return fatal(ctx, stderr, "learn", err)
	}
	defer e.Close()
	learned, _, err := e.Learn(ctx, e.LearnSource(roots), nil)
	if err != nil {
		return fatal(ctx, stderr, "learn", err)
	}
	if *out == "-" {
		if err := learned.WriteTSV(stdout); err != nil {
			return fatal(ctx, stderr, "learn", err)
		}
	} else if err := writeLexicon(*out, learned); err != nil {
		return fatal(ctx, stderr, "learn", err)
	}
	fmt.Fprintf(stderr, "baogao: learned %d initiative names → %s\n", len(learned), *out)
	return exitOK
}

// checkLexiconOut refuses to replace a file learn did not write.
func checkLexiconOut(path string) error {
	if path == "-" {
		return nil
	}
	fh, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer fh.Close()
	first, _ := bufio.NewReader(fh).ReadString('\n')
	if !strings.HasPrefix(first, lexiconHeader) {
		return fmt.Errorf("-out %s exists and is not a lexicon baogao learn wrote; give a new path", path)
	}
	return nil
}

// writeLexicon writes the file under a temporary name and renames it into
// place, so a reader sees the old lexicon or the new one.
func writeLexicon(path string, learned pipeline.Learned) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if err := learned.WriteTSV(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
