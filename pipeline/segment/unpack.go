package segment

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// embedded holds the dictionaries of a release build; nil otherwise.
var embedded *embed.FS

// unpackEmbedded writes the embedded dictionaries to a directory named by
// their content hash under the user cache directory (cppjieba reads files
// by path, not from memory) and returns it. A directory already there is
// reused. It is written under a temporary name and renamed, so concurrent
// runs never see half a dictionary.
func unpackEmbedded() (string, error) {
	h := sha256.New()
	for _, f := range dictFiles {
		b, err := embedded.ReadFile("dict/" + f.name)
		if err != nil {
			return "", fmt.Errorf("embedded dictionary: %w", err)
		}
		h.Write(b)
	}
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	parent := filepath.Join(base, "baogao")
	dir := filepath.Join(parent, "dict-"+hex.EncodeToString(h.Sum(nil))[:16])
	if _, err := os.Stat(filepath.Join(dir, dictFiles[0].name)); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("unpack dictionaries: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "dict-*.tmp")
	if err != nil {
		return "", fmt.Errorf("unpack dictionaries: %w", err)
	}
	defer os.RemoveAll(tmp) // no-op after a successful rename
	for _, f := range dictFiles {
		b, _ := fs.ReadFile(embedded, "dict/"+f.name)
		if err := os.WriteFile(filepath.Join(tmp, f.name), b, 0o644); err != nil {
			return "", fmt.Errorf("unpack dictionaries: %w", err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if _, statErr := os.Stat(filepath.Join(dir, dictFiles[0].name)); statErr == nil {
			return dir, nil // another process won the race
		}
		return "", fmt.Errorf("unpack dictionaries: %w", err)
	}
	return dir, nil
}
