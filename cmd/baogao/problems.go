package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/parquet-go/parquet-go"

	"github.com/baogao/baogao/output/summary"
)

// problemJSON is one line of `baogao problems -json`: a row of
// problems.parquet.
type problemJSON struct {
	Path    string `json:"path"`
	DocID   string `json:"doc_id"`
	Stage   string `json:"stage"`
	Reason  string `json:"reason"`
	Offset  *int64 `json:"offset"`
	Line    *int32 `json:"line"`
	Message string `json:"message"`
}

func runProblems(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("problems", "problems [-json] [-examples N] OUT", stderr)
	asJSON := fs.Bool("json", false, "print every problem as a JSON line (path, doc_id, stage, reason, offset, line, message)")
	examples := fs.Int("examples", 5, "example paths listed per reason (0: all)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 || *examples < 0 {
		fmt.Fprintln(stderr, "baogao problems: need one OUT (the -out of a run) and -examples ≥ 0")
		fs.Usage()
		return exitUsage
	}
	path := fs.Arg(0)
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, summary.ProblemsFile)
	}
	rows, err := parquet.ReadFile[summary.ProblemRow](path)
	if err != nil {
		fmt.Fprintf(stderr, "baogao problems: %v\n", err)
		return exitUsage
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		for _, r := range rows {
			if err := enc.Encode(problemJSON{r.Path, r.DocID, r.Stage, r.Reason, r.Offset, r.Line, r.Message}); err != nil {
				return fatal(ctx, stderr, "problems", err)
			}
		}
		return exitOK
	}
	byReason := map[string][]summary.ProblemRow{}
	files := map[string]bool{}
	for _, r := range rows {
		byReason[r.Reason] = append(byReason[r.Reason], r)
		files[r.Path] = true
	}
	groups := make([]reasonCount, 0, len(byReason))
	for r, rs := range byReason {
		groups = append(groups, reasonCount{r, int64(len(rs))})
	}
	sortReasons(groups)
	fmt.Fprintf(out, "%d problems in %d files, %d reasons (%s)\n", len(rows), len(files), len(groups), path)
	for _, g := range groups {
		rs := byReason[g.reason]
		fmt.Fprintf(out, "\n%6d  %s  [%s]\n", g.n, g.reason, rs[0].Stage)
		for i, r := range rs {
			if *examples > 0 && i == *examples {
				fmt.Fprintf(out, "        … %d more\n", len(rs)-i)
				break
			}
			where := r.Path
			if r.Line != nil {
				where = fmt.Sprintf("%s:%d", r.Path, *r.Line)
			}
			fmt.Fprintf(out, "        %s: %s\n", where, r.Message)
		}
	}
	return exitOK
}
