// Package corpustest gives tests the real corpora in ../shared/corpus
// (beside the repository): their paths and the seed reports. A test that
// needs them skips when they are absent on a developer's machine, and
// fails in CI (CI set), where they are always laid beside the clone.
package corpustest

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Shared returns the path of ../shared/corpus/elem... as seen from the
// test's working directory (its package directory), found by walking up
// to the module root.
func Shared(tb testing.TB, elem ...string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("corpustest: no go.mod above the working directory")
		}
		dir = parent
	}
	p := filepath.Join(append([]string{dir, "..", "shared", "corpus"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("corpustest: %s missing in CI: %v", p, err)
		}
		tb.Skipf("corpustest: %s absent", p)
	}
	return p
}

// Seeds returns the seed reports (../shared/corpus/seeds/*.txt): their
// file names, sorted, and their texts by name.
func Seeds(tb testing.TB) (names []string, texts map[string]string) {
	tb.Helper()
	dir := Shared(tb, "seeds")
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	texts = map[string]string{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		names = append(names, e.Name())
		texts[e.Name()] = string(b)
	}
	sort.Strings(names)
	if len(names) == 0 {
		tb.Fatalf("corpustest: no seed reports in %s", dir)
	}
	return names, texts
}

// update is the -update flag of every test binary that uses Golden.
var update = flag.Bool("update", false, "rewrite the golden files (testdata/*.golden) from the current output; review the diff before committing")

// Golden compares got with the golden file at path, one record per line,
// and fails at the first line that differs, naming it. With -update it
// writes got to path instead: regenerate, then read the diff (zoekt,
// restic).
func Golden(tb testing.TB, path, got string) {
	tb.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	want := string(b)
	if got == want {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		gl, wl := "", ""
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			tb.Fatalf("%s differs at line %d (%d lines now, %d golden):\n got: %s\nwant: %s\n(run go test -update and review the diff)", path, i+1, len(g), len(w), gl, wl)
		}
	}
}
