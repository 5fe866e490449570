package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/format"
)

func readAllDocs(t *testing.T, roots []string, opts ReadOptions) []*corpus.Document {
	t.Helper()
	var docs []*corpus.Document
	err := Read(roots, opts)(context.Background(), func(d *corpus.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return docs
}

// TestReadLargeFile reads a 200 MB report in one piece: the whole text
// comes out, decoded, with CRLF line ends normalised.
func TestReadLargeFile(t *testing.T) {
	dir := t.TempDir()
	para := "2023年6月，县医院开展“健康守门人”义诊活动，服务群众300余人。\r\n"
	n := 200<<20/len(para) + 1
	p := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(p, []byte(strings.Repeat(para, n)), 0o644); err != nil {
		t.Fatal(err)
	}
	docs := readAllDocs(t, []string{dir}, ReadOptions{})
	if len(docs) != 1 || docs[0].Skip != "" {
		t.Fatalf("Read(200 MB file) = %d documents, skip %q", len(docs), docs[0].Skip)
	}
	want := n * (len(para) - 1) // CRLF → LF
	if got := len(docs[0].Text); got != want {
		t.Errorf("text of the 200 MB file has %d bytes; want %d", got, want)
	}
	if strings.Contains(docs[0].Text[:1<<20], "\r") {
		t.Errorf("CR left in the text")
	}
}

func TestReadNoTrailingNewlineAndCR(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("标题\r\r正文一行\r没有换行结尾"), 0o644); err != nil {
		t.Fatal(err)
	}
	docs := readAllDocs(t, []string{dir}, ReadOptions{})
	if len(docs) != 1 || !strings.HasSuffix(docs[0].Text, "没有换行结尾") || strings.Contains(docs[0].Text, "\r") {
		t.Fatalf("Read = %+v; want one document ending 没有换行结尾, without CR", docs)
	}
}

// TestDocIDs: ids are facts about the corpus, not the command line: the
// same whether a root is typed relative, absolute or with a trailing
// slash, the same for a copy of the corpus elsewhere, distinct for every
// document of a run, also when two roots hold the same relative path.
func TestDocIDs(t *testing.T) {
	parent := t.TempDir()
	root := filepath.Join(parent, "reports")
	copyRoot := filepath.Join(t.TempDir(), "elsewhere", "reports")
	for _, r := range []string{root, copyRoot} {
		if err := os.MkdirAll(filepath.Join(r, "2021"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(r, "2021", "a.txt"), []byte("2021年5月，县医院开展义诊。"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(r, "b.md"), []byte("### 一\n\n甲\n\n### 二\n\n乙\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(parent)
	ids := func(roots ...string) []string {
		var out []string
		for _, d := range readAllDocs(t, roots, ReadOptions{Format: format.Options{Split: "### "}}) {
			out = append(out, d.ID)
		}
		return out
	}
	want := ids(root)
	if len(want) != 3 {
		t.Fatalf("ids = %v; want 3 documents", want)
	}
	for _, roots := range [][]string{{"reports"}, {"./reports/"}, {root + "/"}, {copyRoot}} {
		if got := ids(roots...); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("ids of %v = %v; want %v (those of %s)", roots, got, want, root)
		}
	}
	both := ids(root, copyRoot)
	seen := map[string]bool{}
	for _, id := range both {
		if seen[id] {
			t.Errorf("id %s twice in a run over two roots named reports: %v", id, both)
		}
		seen[id] = true
	}
	if len(both) != 6 {
		t.Errorf("two roots: %d documents; want 6", len(both))
	}
}
