package walk

import (
	"archive/zip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type seen struct {
	path, content string
	err           error
}

func collect(t *testing.T, roots []string, opts Options) []seen {
	t.Helper()
	var out []seen
	err := Walk(context.Background(), roots, opts, func(f File) error {
		s := seen{path: f.Path, err: f.Err}
		if f.Err == nil {
			rc, err := f.Open()
			if err != nil {
				s.err = err
			} else {
				b, err := io.ReadAll(rc)
				rc.Close()
				s.content, s.err = string(b), err
			}
		}
		out = append(out, s)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return out
}

func mkfile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func txt(name string) bool { return strings.HasSuffix(name, ".txt") }

func TestWalkOrderAndFilter(t *testing.T) {
	root := t.TempDir()
	mkfile(t, filepath.Join(root, "b.txt"), "乙")
	mkfile(t, filepath.Join(root, "a", "z.txt"), "甲z")
	mkfile(t, filepath.Join(root, "a", "y.txt"), "甲y")
	mkfile(t, filepath.Join(root, "c.pdf"), "%PDF")
	mkfile(t, filepath.Join(root, ".hidden", "x.txt"), "隐藏")
	got := collect(t, []string{root}, Options{Accept: txt, Exclude: []string{".*"}})
	var paths []string
	for _, s := range got {
		paths = append(paths, strings.TrimPrefix(s.path, filepath.Base(root)))
	}
	want := []string{"/a/y.txt", "/a/z.txt", "/b.txt", "/c.pdf"}
	if strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Errorf("Walk paths = %v; want %v", paths, want)
	}
	// The file of another format is reported, not dropped; the excluded
	// hidden directory is not reported.
	var ue *UnsupportedError
	if s := got[len(got)-1]; !errors.As(s.err, &ue) || ue.Ext != ".pdf" || !errors.Is(s.err, ErrUnsupported) {
		t.Errorf("c.pdf err = %v; want an UnsupportedError for .pdf", s.err)
	}
	for _, s := range got[:3] {
		if s.err != nil {
			t.Errorf("%s err = %v; want none", s.path, s.err)
		}
	}
}

func TestWalkProblems(t *testing.T) {
	root := t.TempDir()
	mkfile(t, filepath.Join(root, "ok.txt"), "好")
	mkfile(t, filepath.Join(root, "big.txt"), strings.Repeat("大", 100))
	if err := os.Symlink(filepath.Join(root, "gone.txt"), filepath.Join(root, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(root, filepath.Join(root, "loop")); err != nil {
		t.Fatal(err)
	}
	got := collect(t, []string{root, filepath.Join(root, "missing-root")}, Options{Accept: txt, MaxSize: 100})
	byName := map[string]seen{}
	for _, s := range got {
		byName[strings.TrimPrefix(s.path, filepath.Base(root)+"/")] = s
	}
	if s := byName["ok.txt"]; s.err != nil || s.content != "好" {
		t.Errorf("ok.txt = %+v; want content 好", s)
	}
	if s := byName["big.txt"]; !errors.Is(s.err, ErrTooLarge) {
		t.Errorf("big.txt err = %v; want ErrTooLarge", s.err)
	}
	if s := byName["dangling.txt"]; s.err == nil || !strings.Contains(s.err.Error(), "dangling") {
		t.Errorf("dangling.txt err = %v; want a dangling link error", s.err)
	}
	if s := byName["loop"]; !errors.Is(s.err, ErrLoop) {
		t.Errorf("loop err = %v; want ErrLoop", s.err)
	}
	if s := byName["missing-root"]; !errors.Is(s.err, os.ErrNotExist) { // a root of its own: named by itself
		t.Errorf("missing root err = %v; want not exist", s.err)
	}
}

func TestWalkZip(t *testing.T) {
	root := t.TempDir()
	zp := filepath.Join(root, "reports.zip")
	fh, err := os.Create(zp)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(fh)
	for _, m := range []struct{ name, body string }{{"2021/b.txt", "乙"}, {"2021/a.txt", "甲"}, {"img.png", "x"}} {
		w, _ := zw.Create(m.name)
		w.Write([]byte(m.body))
	}
	zw.Close()
	fh.Close()
	b, _ := os.ReadFile(zp)
	mkfile(t, filepath.Join(root, "truncated.zip"), string(b[:len(b)/2]))

	got := collect(t, []string{root}, Options{Accept: txt})
	if len(got) != 4 {
		t.Fatalf("Walk = %+v; want 3 members (one unsupported) and 1 bad archive", got)
	}
	r := filepath.Base(root)
	if got[0].path != r+"/reports.zip!/2021/a.txt" || got[0].content != "甲" {
		t.Errorf("first = %+v; want reports.zip!/2021/a.txt with 甲", got[0])
	}
	if got[1].path != r+"/reports.zip!/2021/b.txt" || got[1].content != "乙" {
		t.Errorf("second = %+v; want reports.zip!/2021/b.txt with 乙", got[1])
	}
	if got[2].path != r+"/reports.zip!/img.png" || !errors.Is(got[2].err, ErrUnsupported) {
		t.Errorf("third = %+v; want reports.zip!/img.png, unsupported", got[2])
	}
	if got[3].path != r+"/truncated.zip" || got[3].err == nil {
		t.Errorf("fourth = %+v; want truncated.zip with an error", got[3])
	}
}

func TestWalkStopsOnCancel(t *testing.T) {
	root := t.TempDir()
	mkfile(t, filepath.Join(root, "a.txt"), "甲")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Walk(ctx, []string{root}, Options{}, func(File) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Walk after cancel = %v; want context.Canceled", err)
	}
}

// TestPathsIndependentOfHowRootsAreTyped: a root typed relative, absolute,
// with a trailing slash or as a copy elsewhere gives the same paths; roots
// sharing a name are told apart.
func TestPathsIndependentOfHowRootsAreTyped(t *testing.T) {
	parent := t.TempDir()
	root := filepath.Join(parent, "reports")
	mkfile(t, filepath.Join(root, "2021", "a.txt"), "甲")
	copyRoot := filepath.Join(t.TempDir(), "elsewhere", "reports")
	mkfile(t, filepath.Join(copyRoot, "2021", "a.txt"), "甲")
	t.Chdir(parent)
	paths := func(roots ...string) []string {
		var out []string
		for _, s := range collect(t, roots, Options{Accept: txt}) {
			out = append(out, s.path)
		}
		return out
	}
	want := []string{"reports/2021/a.txt"}
	for _, roots := range [][]string{{"reports"}, {"./reports/"}, {root}, {root + "/"}, {copyRoot}} {
		if got := paths(roots...); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("Walk(%v) paths = %v; want %v", roots, got, want)
		}
	}
	if got, want := paths(root, copyRoot), []string{"reports/2021/a.txt", "reports~2/2021/a.txt"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("two roots named reports: paths = %v; want %v", got, want)
	}
	if got := paths(filepath.Join(root, "2021", "a.txt")); strings.Join(got, " ") != "a.txt" {
		t.Errorf("a file as root: paths = %v; want [a.txt]", got)
	}
}
