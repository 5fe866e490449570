package segment

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// The dictionaries are part of every build, compressed (`go generate
// ./pipeline/segment` refreshes them from the gojieba module), so any
// binary runs on a machine without the module cache: `go build`, `go
// install …@latest` and a release build alike.
//
//go:generate sh gendict.sh
//go:embed dict
var embedded embed.FS

// keywordOnly are dictionary files cppjieba loads for keyword extraction
// (TF-IDF), which baogao never uses: a minimal valid content stands in for
// the 6 MB of the originals, so they cost neither repository space nor
// memory. Segmentation and tagging never read them.
var keywordOnly = map[string]string{
	"idf.utf8":        "的 1.0\n",
	"stop_words.utf8": "的\n",
}

// embeddedFile returns the content of one dictionary file of the build.
func embeddedFile(name string) ([]byte, error) {
	if s, ok := keywordOnly[name]; ok {
		return []byte(s), nil
	}
	if b, err := embedded.ReadFile("dict/" + name); err == nil {
		return b, nil
	}
	gz, err := embedded.ReadFile("dict/" + name + ".gz")
	if err != nil {
		return nil, fmt.Errorf("embedded dictionary %s: %w", name, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("embedded dictionary %s: %w", name, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("embedded dictionary %s: %w", name, err)
	}
	return b, nil
}

// unpackEmbedded writes the embedded dictionaries to a directory named by
// their content hash under the user cache directory (cppjieba reads files
// by path, not from memory) and returns it, with the hash. A directory
// already there is reused. It is written under a temporary name and
// renamed, so concurrent runs never see half a dictionary.
func unpackEmbedded() (dir, hash string, err error) {
	files := make(map[string][]byte, len(dictFiles))
	h := sha256.New()
	for _, f := range dictFiles {
		b, err := embeddedFile(f.name)
		if err != nil {
			return "", "", err
		}
		files[f.name] = b
		fmt.Fprintf(h, "%s %d\n", f.name, len(b))
		h.Write(b)
	}
	hash = hex.EncodeToString(h.Sum(nil))[:16]
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	parent := filepath.Join(base, "baogao")
	dir = filepath.Join(parent, "dict-"+hash)
	if complete(dir, files) {
		return dir, hash, nil
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", "", fmt.Errorf("unpack dictionaries: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "dict-*.tmp")
	if err != nil {
		return "", "", fmt.Errorf("unpack dictionaries: %w", err)
	}
	defer os.RemoveAll(tmp) // no-op after a successful rename
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(tmp, name), b, 0o644); err != nil {
			return "", "", fmt.Errorf("unpack dictionaries: %w", err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if complete(dir, files) {
			return dir, hash, nil // another process won the race
		}
		return "", "", fmt.Errorf("unpack dictionaries: %w", err)
	}
	return dir, hash, nil
}

// complete reports whether dir holds every file at its size: a directory
// from an earlier unpack, not one a crash cut short (unpacking renames a
// finished directory into place, so this is a guard, not the protocol).
func complete(dir string, files map[string][]byte) bool {
	for name, b := range files {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil || st.Size() != int64(len(b)) {
			return false
		}
	}
	return !strings.HasSuffix(dir, ".tmp")
}
