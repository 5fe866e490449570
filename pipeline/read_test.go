package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
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

func TestDocIDStable(t *testing.T) {
	if docID("a/b.txt", 0) != docID("a/b.txt", 0) || docID("a/b.txt", 0) == docID("a/b.txt", 1) {
		t.Errorf("docID not a stable function of path and item")
	}
}
