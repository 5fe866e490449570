package main

import (
	"encoding/json"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
		missing(t, "CI", "BAOGAO_PYTHON not set: python3 -m venv DIR && DIR/bin/pip install -r examples/requirements.txt, then BAOGAO_PYTHON=DIR/bin/python (.ci/run does)")
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

// TestPythonReadsTables reads every table of two real runs, the seeds and
// the sample corpus (with a report of ours whose text is outside the BMP)
// and the first 40 days of xwlb split per item, with pandas, polars and
// DuckDB's Python client (testdata/python/test_tables.py): the types each
// library gives, the same value in all three for every cell, nulls as
// nulls, offsets that slice Python's strings exactly, and every Python and
// SQL block of README.md and SCHEMA.md run as written. Both runs have
// -partition year, and the partitioned datasets are read too: the same
// rows as the single files, the year typed and null where unknown, and
// partition pruning.
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
	if r := baogao(t, nil, "run", "-out", seeds, "-progress", "none", "-partition", "year", sharedCorpus(t, "seeds"), sample, extra); r.code != exitOK {
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
	if r := baogao(t, nil, "run", "-out", xwlb, "-progress", "none", "-partition", "year", "-split", "### ", news); r.code != exitOK && r.code != exitProblems {
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
	// pytest's summary (passed, skipped) shows with -v.
	t.Log(python(t, interp, []string{
		"BAOGAO_RUNS=" + seeds + string(os.PathListSeparator) + xwlb,
		"BAOGAO_DOCS=" + strings.Join(docs, string(os.PathListSeparator)),
	}, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", filepath.Join("testdata", "python", "test_tables.py")))
}

// TestNotebook executes examples/first-hour.ipynb headless, as a researcher
// would run it, on a run of the sample corpus: every cell runs, both plots
// are written as PNG, and the growth table holds every 同比增长 X% the
// sample reports write.
func TestNotebook(t *testing.T) {
	interp := pythonOf(t)
	tmp := t.TempDir()
	reports := "../../corpus/testdata/reports"
	out := filepath.Join(tmp, "out")
	if r := baogao(t, nil, "run", "-out", out, "-progress", "none", reports); r.code != exitOK {
		t.Fatalf("run: exit %d\n%s", r.code, r.stderr)
	}
	plots, executed := filepath.Join(tmp, "plots"), filepath.Join(tmp, "nb")
	python(t, interp, []string{"BAOGAO_OUT=" + out, "BAOGAO_PLOTS=" + plots},
		"-m", "jupyter", "nbconvert", "--to", "notebook", "--execute", "--output-dir", executed, "../../examples/first-hour.ipynb")

	for _, name := range []string{"dates-per-month.png", "top-initiatives.png"} {
		f, err := os.Open(filepath.Join(plots, name))
		if err != nil {
			t.Errorf("plot not written: %v", err)
			continue
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width < 300 || cfg.Height < 200 {
			t.Errorf("%s: %v, %dx%d; want a PNG of a plot", name, err, cfg.Width, cfg.Height)
		}
	}

	b, err := os.ReadFile(filepath.Join(executed, "first-hour.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	var nb struct {
		Cells []struct {
			Metadata struct{ Tags []string }
			Outputs  []struct {
				Data map[string]json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(b, &nb); err != nil {
		t.Fatal(err)
	}
	var growth strings.Builder
	for _, c := range nb.Cells {
		if len(c.Metadata.Tags) == 0 || c.Metadata.Tags[0] != "growth" {
			continue
		}
		for _, o := range c.Outputs {
			var lines []string
			if err := json.Unmarshal(o.Data["text/plain"], &lines); err == nil {
				growth.WriteString(strings.Join(lines, ""))
			}
		}
	}
	files, err := filepath.Glob(filepath.Join(reports, "*"))
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`同比增长了?(\d+(?:\.\d+)?%)`).FindAllStringSubmatch(string(text), -1) {
			want++
			if !strings.Contains(growth.String(), m[1]) {
				t.Errorf("%s writes %s; the notebook's growth table lacks it:\n%s", f, m[0], growth.String())
			}
		}
	}
	if want == 0 {
		t.Fatal("the sample reports write no 同比增长 X%: the check above checks nothing")
	}
}
