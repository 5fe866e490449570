package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pythonOf returns the interpreter of the virtualenv made from
// examples/requirements.txt (BAOGAO_PYTHON; .ci/run makes it). Without it
// the test skips on a developer's machine and fails in CI.
func pythonOf(t *testing.T) string {
	t.Helper()
	p := os.Getenv("BAOGAO_PYTHON")
	if p == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI without BAOGAO_PYTHON (see .ci/run)")
		}
		t.Skip("BAOGAO_PYTHON not set: python3 -m venv DIR && DIR/bin/pip install -r examples/requirements.txt, then BAOGAO_PYTHON=DIR/bin/python")
	}
	return p
}

// python runs the interpreter with args from the package directory, with
// env added, and fails the test with its output when it fails.
func python(t *testing.T, interp string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(interp, args...)
	// No __pycache__ or .pytest_cache inside the repository.
	cmd.Env = append(append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1", "JUPYTER_PLATFORM_DIRS=1"), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", interp, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// astral is a report of our own whose text has characters outside the
// BMP (𠮷, U+20BB7, and an emoji) before and inside mentions: one code
// point to Python, four bytes to Go, two UTF-16 units to JavaScript.
const astral = "𠮷祥社区2021年工作总结\n\n" +
	"2021年3月5日，𠮷祥社区启动“🌱绿色家园”行动，全年投入资金1.2亿元，居民垃圾分类参与率同比增长12.5%。\n" +
	"𠮷林路改造工程于2021年6月完工，惠及居民3000余户，较上年多出200至300户。\n"

// TestPythonReadsTables reads every table of two real runs, the seeds (with
// a report of ours whose text is outside the BMP) and the first 40 days of
// xwlb split per item, with pandas, polars and DuckDB's Python client
// (testdata/python/test_tables.py): the types each library gives, the same
// value in all three for every cell, nulls as nulls, offsets that slice
// Python's strings exactly, and every Python and SQL block of README.md and
// SCHEMA.md run as written.
func TestPythonReadsTables(t *testing.T) {
	interp := pythonOf(t)
	tmp := t.TempDir()

	extra := filepath.Join(tmp, "extra")
	if err := os.MkdirAll(extra, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(extra, "astral.txt"), []byte(astral), 0o644); err != nil {
		t.Fatal(err)
	}
	seeds := filepath.Join(tmp, "seeds", "out")
	if r := baogao(t, nil, "run", "-out", seeds, "-progress", "none", sharedCorpus(t, "seeds"), extra); r.code != exitOK {
		t.Fatalf("run seeds: exit %d\n%s", r.code, r.stderr)
	}

	news := filepath.Join(tmp, "xwlb-src")
	if err := os.MkdirAll(news, 0o755); err != nil {
		t.Fatal(err)
	}
	src := sharedCorpus(t, "xwlb")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	copied := 0
	for _, e := range entries {
		if copied == 40 {
			break
		}
		if !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(news, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
		copied++
	}
	xwlb := filepath.Join(tmp, "xwlb", "out")
	// Some items of a day are a heading without text: problems, exit 3.
	if r := baogao(t, nil, "run", "-out", xwlb, "-progress", "none", "-split", "### ", news); r.code != exitOK && r.code != exitProblems {
		t.Fatalf("run xwlb: exit %d\n%s", r.code, r.stderr)
	}

	docs := []string{"../../README.md", "../../output/summary/SCHEMA.md"}
	for i, d := range docs {
		abs, err := filepath.Abs(d)
		if err != nil {
			t.Fatal(err)
		}
		docs[i] = abs
	}
	python(t, interp, []string{
		"BAOGAO_RUNS=" + seeds + string(os.PathListSeparator) + xwlb,
		"BAOGAO_DOCS=" + strings.Join(docs, string(os.PathListSeparator)),
	}, "-m", "pytest", "-q", "-p", "no:cacheprovider", filepath.Join("testdata", "python", "test_tables.py"))
}
