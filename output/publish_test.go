package output

import (
	"os"
	"path/filepath"
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

func TestPublishReplacesWhole(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	write(t, filepath.Join(out, "a.parquet"), "old a")
	write(t, filepath.Join(out, "stale.parquet"), "old only")
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(s.Dir, "a.parquet"), "new a")
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
	for _, sib := range []string{out + stagingSuffix, out + oldSuffix} {
		if _, err := os.Stat(sib); !os.IsNotExist(err) {
			t.Errorf("%s left behind", sib)
		}
	}
}

func TestDiscardKeepsOld(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	write(t, filepath.Join(out, "a.parquet"), "old a")
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
}

func TestRecoverAfterCrashBetweenRenames(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	// The state a crash after the first rename of Publish leaves.
	write(t, filepath.Join(out+oldSuffix, "a.parquet"), "old a")
	write(t, filepath.Join(out+stagingSuffix, "a.parquet"), "new a, maybe half")
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "a.parquet")); got != "old a" {
		t.Errorf("after recovery, a.parquet = %q; want the old one", got)
	}
	if entries, _ := os.ReadDir(s.Dir); len(entries) != 0 {
		t.Errorf("staging directory not fresh: %v", entries)
	}
}
