package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// output writes a published-looking output directory: a manifest and a
// table.
func output(t *testing.T, dir, table string) {
	t.Helper()
	write(t, filepath.Join(dir, "a.parquet"), table)
	if err := WriteManifest(dir, &Manifest{Version: "test", Counts: map[string]int64{}}); err != nil {
		t.Fatal(err)
	}
}

// siblings lists the entries of dir's parent other than dir itself.
func siblings(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Name() != filepath.Base(dir) {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestPublishReplacesWhole(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	output(t, out, "old a")
	write(t, filepath.Join(out, "stale.parquet"), "old only")
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	output(t, s.Dir, "new a")
	if got := read(t, filepath.Join(out, "a.parquet")); got != "old a" {
		t.Fatalf("before Publish, a.parquet = %q; want the old one", got)
	}
	if err := s.Publish(); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "a.parquet")); got != "new a" {
		t.Errorf("after Publish, a.parquet = %q; want the new one", got)
	}
	if _, err := os.Stat(filepath.Join(out, "stale.parquet")); !os.IsNotExist(err) {
		t.Errorf("a file of the old outputs survived Publish: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, stagingMarker)); !os.IsNotExist(err) {
		t.Errorf("the staging marker was published: %v", err)
	}
	if sib := siblings(t, out); len(sib) != 0 {
		t.Errorf("left beside the output: %v", sib)
	}
	if err := s.Discard(); err != nil {
		t.Errorf("Discard after Publish: %v", err)
	}
	if got := read(t, filepath.Join(out, "a.parquet")); got != "new a" {
		t.Errorf("Discard after Publish changed the outputs: %q", got)
	}
}

func TestPublishNew(t *testing.T) {
	out := filepath.Join(t.TempDir(), "deeper", "out")
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	output(t, s.Dir, "new a")
	if err := s.Publish(); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "a.parquet")); got != "new a" {
		t.Errorf("a.parquet = %q; want the new one", got)
	}
}

// TestPublishKeepsOpenReaders: a file of the old outputs that a reader
// holds open (as a search server holds its index) stays readable after
// the swap.
func TestPublishKeepsOpenReaders(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	output(t, out, "old a")
	f, err := os.Open(filepath.Join(out, "a.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	output(t, s.Dir, "new a")
	if err := s.Publish(); err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 16)
	n, err := f.ReadAt(b, 0)
	if string(b[:n]) != "old a" {
		t.Errorf("open reader reads %q, %v after Publish; want the old content", b[:n], err)
	}
}

func TestDiscardKeepsOld(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	output(t, out, "old a")
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(s.Dir, "a.parquet"), "half written")
	if err := s.Discard(); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "a.parquet")); got != "old a" {
		t.Errorf("after Discard, a.parquet = %q; want the old one", got)
	}
	if sib := siblings(t, out); len(sib) != 0 {
		t.Errorf("left beside the output: %v", sib)
	}
}

// TestRecover: what killed runs leave beside the output is cleaned up
// when it is ours, and left alone when it is not.
func TestRecover(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	output(t, out, "current")
	// Killed while writing: the marker is still there.
	write(t, filepath.Join(out+stagingInfix+"111", stagingMarker), "")
	write(t, filepath.Join(out+stagingInfix+"111", "a.parquet"), "half")
	// Killed after the exchange: the previous outputs, with their manifest.
	output(t, out+stagingInfix+"222", "previous")
	// Killed between making the staging directory and marking it.
	if err := os.Mkdir(out+stagingInfix+"333", 0o755); err != nil {
		t.Fatal(err)
	}
	// Killed while removing the previous outputs: removeOwned takes the
	// manifest last, so whatever is left still has it.
	output(t, out+stagingInfix+"444", "previous")
	os.Remove(filepath.Join(out+stagingInfix+"444", "a.parquet"))
	// A directory of the user's that happens to share the prefix.
	write(t, filepath.Join(out+stagingInfix+"mine", "notes.txt"), "keep me")
	if _, err := NewStaging(out); err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"111", "222", "333", "444"} {
		if _, err := os.Stat(out + stagingInfix + gone); !os.IsNotExist(err) {
			t.Errorf("leftover %s not removed: %v", gone, err)
		}
	}
	if got := read(t, filepath.Join(out+stagingInfix+"mine", "notes.txt")); got != "keep me" {
		t.Errorf("a directory baogao did not write was changed")
	}
	if got := read(t, filepath.Join(out, "a.parquet")); got != "current" {
		t.Errorf("recovery changed the output: %q", got)
	}
}

func TestRecoverLegacyCrashBetweenRenames(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	// The state a crash between the two renames of an earlier version
	// leaves: no out, the old outputs beside it.
	output(t, out+legacyOld, "old a")
	if _, err := NewStaging(out); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "a.parquet")); got != "old a" {
		t.Errorf("after recovery, a.parquet = %q; want the old one", got)
	}
}

func TestSwapRenames(t *testing.T) {
	root := t.TempDir()
	out, staging := filepath.Join(root, "out"), filepath.Join(root, "staging")
	output(t, out, "old")
	output(t, staging, "new")
	replaced, err := swapRenames(staging, out)
	if err != nil || !replaced {
		t.Fatalf("swapRenames = %v, %v; want replaced", replaced, err)
	}
	if read(t, filepath.Join(out, "a.parquet")) != "new" || read(t, filepath.Join(staging, "a.parquet")) != "old" {
		t.Errorf("swapRenames did not exchange the directories")
	}
}

func TestCheckTarget(t *testing.T) {
	root := t.TempDir()
	corpus := filepath.Join(root, "proj", "reports")
	write(t, filepath.Join(corpus, "a.txt"), "报告")
	mydata := filepath.Join(root, "mydata")
	write(t, filepath.Join(mydata, "notes.txt"), "mine")
	prev := filepath.Join(root, "prev")
	output(t, prev, "old")
	empty := filepath.Join(root, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, "file.txt")
	write(t, file, "x")
	link := filepath.Join(root, "link")
	if err := os.Symlink(corpus, link); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, out string
		want      error // nil: accepted
	}{
		{"new path", filepath.Join(root, "new", "out"), nil},
		{"empty directory", empty, nil},
		{"previous output", prev, nil},
		{"the input itself", corpus, ErrOverlap},
		{"the input with a trailing slash", corpus + "/", ErrOverlap},
		{"inside the input", filepath.Join(corpus, "out"), ErrOverlap},
		{"the project holding the input", filepath.Join(root, "proj"), ErrOverlap},
		{"a link to the input", link, ErrOverlap},
		{"inside a link to the input", filepath.Join(link, "out"), ErrOverlap},
		{"someone's data", mydata, ErrNotOutput},
		{"a file", file, ErrNotOutput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckTarget(tt.out, []string{corpus})
			if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("CheckTarget(%s) = %v; want %v", tt.out, err, tt.want)
			}
			if err != nil && !strings.Contains(err.Error(), filepath.Base(strings.TrimSuffix(tt.out, "/"))) {
				t.Errorf("CheckTarget(%s) = %q; want the message to name the path", tt.out, err)
			}
		})
	}
	if got := read(t, filepath.Join(mydata, "notes.txt")); got != "mine" {
		t.Errorf("CheckTarget changed a file")
	}
}

func TestReadManifest(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReadManifest(dir); !errors.Is(err, ErrNoManifest) {
		t.Errorf("ReadManifest(empty) = %v; want ErrNoManifest", err)
	}
	write(t, filepath.Join(dir, ManifestFile), `{"name": "some other tool"}`)
	if _, err := ReadManifest(dir); !errors.Is(err, ErrNoManifest) {
		t.Errorf("ReadManifest(foreign manifest) = %v; want ErrNoManifest", err)
	}
	write(t, filepath.Join(dir, ManifestFile), `{"tool": "baogao", "version": "dev", "counts": {"documents": 5}}`)
	if m, err := ReadManifest(dir); err != nil || m.Counts["documents"] != 5 {
		t.Errorf("ReadManifest(earlier version's manifest) = %+v, %v; want accepted", m, err)
	}
	if err := WriteManifest(dir, &Manifest{Version: "v1", Counts: map[string]int64{"documents": 2}}); err != nil {
		t.Fatal(err)
	}
	if m, err := ReadManifest(dir); err != nil || m.Format != FormatName || m.FormatVersion != FormatVersion {
		t.Errorf("ReadManifest after WriteManifest = %+v, %v", m, err)
	}
}

// TestRemoveOwnedMarkLast: whatever removeOwned has done when it stops,
// the directory it leaves is still ours.
func TestRemoveOwnedMarkLast(t *testing.T) {
	for _, mark := range []string{stagingMarker, ManifestFile} {
		dir := filepath.Join(t.TempDir(), "out"+stagingInfix+"1")
		for _, f := range []string{"a.parquet", "b.parquet", "index/x.zap", mark} {
			write(t, filepath.Join(dir, f), "{}")
		}
		if mark == ManifestFile {
			output(t, dir, "x")
		}
		// removeOwned removes the other entries first: simulate a stop
		// after each of them by removing them by hand, checking ours.
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() == mark || e.Name() == stagingMarker || e.Name() == ManifestFile {
				continue
			}
			os.RemoveAll(filepath.Join(dir, e.Name()))
			if !ours(dir) {
				t.Errorf("%s: after removing %s the directory is not ours", mark, e.Name())
			}
		}
		if err := removeOwned(dir); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("%s: removeOwned left %s: %v", mark, dir, err)
		}
	}
}
