package searchindex

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/baogao/baogao/pipeline/segment"
)

// An index can be made of parts: an incremental run keeps the parts of
// the previous run's index (the documents that did not change) and adds
// one for the documents it analysed; a merge of shards keeps each shard's
// index as a part. The index directory then holds partsFile, which lists
// the part directories inside it and, for each, the documents left out
// of it (changed or deleted since it was written). Search treats the
// parts as one index (Search over several indexes), so the hits and
// scores are those of an index built at once from the live documents.
const partsFile = "parts.json"

// MaxParts bounds the parts of an index: an incremental run that would
// make more re-analyses everything into one.
const MaxParts = 16

// Parts is the content of partsFile.
type Parts struct {
	Parts []Part `json:"parts"`
}

// Part is one part of an index.
type Part struct {
	Dir string `json:"dir"` // relative to the index directory
	// Deleted are the ids of the part's documents that are not part of
	// the index any more.
	Deleted []string `json:"deleted,omitempty"`
}

// OpenSet opens the index of a run's output directory or an index
// directory, as many Indexes as it has parts, for Search. A plain index
// is one part.
func OpenSet(dir string, j *segment.Jieba) ([]*Index, error) {
	if _, err := os.Stat(filepath.Join(dir, "index")); err == nil {
		if _, err := os.Stat(filepath.Join(dir, docsFile)); err != nil {
			dir = filepath.Join(dir, "index")
		}
	}
	if _, err := os.Stat(filepath.Join(dir, partsFile)); err != nil {
		ix, err := Open(dir, j)
		if err != nil {
			return nil, err
		}
		return []*Index{ix}, nil
	}
	ps, err := ReadParts(dir)
	if err != nil {
		return nil, err
	}
	var out []*Index
	for _, p := range ps.Parts {
		ix, err := openPart(filepath.Join(dir, p.Dir), j, p.Deleted)
		if err == nil {
			ix.label = dir
		}
		if err != nil {
			for _, o := range out {
				o.Close()
			}
			return nil, err
		}
		out = append(out, ix)
	}
	return out, nil
}

// ReadParts reads the parts of the index at dir; an error wrapping
// fs.ErrNotExist when it is a plain index.
func ReadParts(dir string) (*Parts, error) {
	b, err := os.ReadFile(filepath.Join(dir, partsFile))
	if err != nil {
		return nil, err
	}
	var ps Parts
	if err := json.Unmarshal(b, &ps); err != nil {
		return nil, fmt.Errorf("searchindex: %s: %w", filepath.Join(dir, partsFile), err)
	}
	for _, p := range ps.Parts {
		if p.Dir == "" || !filepath.IsLocal(p.Dir) {
			return nil, fmt.Errorf("searchindex: %s: part %q outside the index", filepath.Join(dir, partsFile), p.Dir)
		}
	}
	return &ps, nil
}

// WriteParts writes the parts file of the index at dir.
func WriteParts(dir string, ps *Parts) error {
	b, err := json.MarshalIndent(ps, "", "  ")
	if err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, partsFile))
	if err != nil {
		return err
	}
	_, err = f.Write(append(b, '\n'))
	if serr := f.Sync(); err == nil {
		err = serr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// PartsOf lists the parts of the index at dir, the index itself for a
// plain one ("."), with the ids of every document each holds.
func PartsOf(dir string) ([]Part, [][]string, error) {
	ps, err := ReadParts(dir)
	if errors.Is(err, fs.ErrNotExist) {
		ps, err = &Parts{Parts: []Part{{Dir: "."}}}, nil
	}
	if err != nil {
		return nil, nil, err
	}
	ids := make([][]string, len(ps.Parts))
	for i, p := range ps.Parts {
		t, err := readDocs(filepath.Join(dir, p.Dir, docsFile))
		if err != nil {
			return nil, nil, fmt.Errorf("searchindex: %s: %w", filepath.Join(dir, p.Dir), err)
		}
		ids[i] = t.ID
	}
	return ps.Parts, ids, nil
}

// LinkPart makes dst a copy of the index part at src, by hard links where
// the file system allows (the files of a part never change once written),
// with its queries cut keeping words whole: the words of the run that
// keeps it (an incremental run re-analyses the documents where its words
// differ, so the part's documents are cut alike under both).
func LinkPart(src, dst string, words []string) error {
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(to, 0o755)
		case rel == docsFile:
			return nil // written below
		}
		if err := os.Link(p, to); err == nil {
			return nil
		}
		return copyFile(p, to)
	})
	if err != nil {
		return fmt.Errorf("searchindex: link %s: %w", src, err)
	}
	t, err := readDocs(filepath.Join(src, docsFile))
	if err != nil {
		return fmt.Errorf("searchindex: link %s: %w", src, err)
	}
	t.Words = slices.Clone(words)
	if err := writeDocs(filepath.Join(dst, docsFile), t); err != nil {
		return fmt.Errorf("searchindex: link %s: %w", src, err)
	}
	return nil
}

// copyFile copies a file where a hard link cannot be made (another file
// system).
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// IndexWords returns the words the index at dir (an index directory,
// plain or in parts) cuts queries keeping whole.
func IndexWords(dir string) ([]string, error) {
	parts, _, err := PartsOf(dir)
	if err != nil {
		return nil, err
	}
	if len(parts) == 0 {
		return nil, fmt.Errorf("searchindex: %s: %w (no parts)", dir, ErrNotIndex)
	}
	t, err := readDocs(filepath.Join(dir, parts[0].Dir, docsFile))
	if err != nil {
		return nil, fmt.Errorf("searchindex: %s: %w", dir, err)
	}
	return t.Words, nil
}
