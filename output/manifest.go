package output

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ManifestFile is the name of the manifest inside an output directory.
const ManifestFile = "manifest.json"

// The format a manifest declares. Its presence is the mark of a baogao
// output: only such a directory (or an empty or missing one) is ever
// replaced by a run. FormatVersion grows when the layout of the outputs
// changes incompatibly.
const (
	FormatName    = "baogao-output"
	FormatVersion = 1
)

// Manifest is OUT/manifest.json: what produced the outputs, how many rows
// each table has and how long each part took.
type Manifest struct {
	Format        string `json:"format"`         // FormatName
	FormatVersion int    `json:"format_version"` // FormatVersion
	Tool          string `json:"tool"`           // "baogao"
	Version       string `json:"version"`        // module version, or "devel"
	Revision      string `json:"revision,omitempty"`
	Go            string `json:"go"`
	// OptionsHash identifies everything that decides the outputs
	// (pipeline.Engine.Hash): options, dictionaries, extractors, lexicon,
	// version.
	OptionsHash string `json:"options_hash,omitempty"`
	// Created is when the run finished, RFC 3339 in UTC.
	Created string `json:"created"`
	// Flags are the command-line options of the run, as the command
	// records them.
	Flags  any      `json:"flags"`
	Inputs []string `json:"inputs"`
	// Partition names how documents, mentions and problems are also
	// written as hive-style partitioned datasets ("year":
	// documents/year=2021/part-0.parquet, ...); "" when they are not.
	// Counts are those of the single-file tables either way.
	Partition string `json:"partition,omitempty"`
	// Dictionary says which jieba dictionaries were loaded, and from where.
	Dictionary string `json:"dictionary"`
	// Counts are rows per table ("documents", "mentions", ...) and other
	// totals ("files", "learned_words").
	Counts map[string]int64 `json:"counts"`
	// Problems counts problems by reason.
	Problems map[string]int64 `json:"problems,omitempty"`
	// Seconds per part of the run: "wall", "load", "learn", stages.
	Seconds map[string]float64 `json:"seconds"`
	// Analysis is what decided the analysis, before learning
	// (pipeline.Analysis): the next run over the output compares it to
	// its own to tell whether rows can be carried forward.
	Analysis json.RawMessage `json:"analysis,omitempty"`
	// Shard is the part of the corpus a run took (-shard i/n), "" for
	// all of it.
	Shard string `json:"shard,omitempty"`
	// Incremental says what a run carried forward from the previous
	// outputs, nil for a run that analysed everything.
	Incremental *Incremental `json:"incremental,omitempty"`
	// Merged are the outputs a merge joined (baogao merge).
	Merged []string `json:"merged,omitempty"`
}

// Incremental is what an incremental run did: files by what became of
// them, and documents re-analysed because learned names changed.
type Incremental struct {
	Unchanged int64 `json:"unchanged_files"`
	New       int64 `json:"new_files"`
	Changed   int64 `json:"changed_files"`
	Deleted   int64 `json:"deleted_files"`
	// Relearned are unchanged files analysed again because they hold a
	// learned name that was added or dropped.
	Relearned int64    `json:"relearned_files"`
	Names     []string `json:"changed_names,omitempty"`
}

// ErrNoManifest is wrapped by ReadManifest's error for a directory
// without a baogao manifest.
var ErrNoManifest = errors.New("no baogao manifest")

// ReadManifest reads dir/manifest.json and checks that it declares a
// baogao output. Manifests written before the format field existed
// (tool "baogao" with a version and counts) are accepted as format 0.
func ReadManifest(dir string) (*Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return nil, fmt.Errorf("%w in %s: %w", ErrNoManifest, dir, err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%w in %s: %w", ErrNoManifest, dir, err)
	}
	switch {
	case m.Format == FormatName:
	case m.Format == "" && m.Tool == "baogao" && m.Version != "" && m.Counts != nil:
	default:
		return nil, fmt.Errorf("%w in %s: %s declares no baogao output", ErrNoManifest, dir, ManifestFile)
	}
	return &m, nil
}

// WriteManifest writes m to dir/manifest.json, stamped with the format.
func WriteManifest(dir string, m *Manifest) error {
	m.Format, m.FormatVersion, m.Tool = FormatName, FormatVersion, "baogao"
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, ManifestFile), append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	return nil
}
