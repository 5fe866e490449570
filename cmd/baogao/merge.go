package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/walk"
	"github.com/baogao/baogao/output"
	"github.com/baogao/baogao/output/searchindex"
	"github.com/baogao/baogao/output/summary"
	"github.com/baogao/baogao/pipeline"
	"github.com/baogao/baogao/pipeline/segment"
)

// runMerge joins the outputs of the shards of one corpus (run -shard i/n
// with the same options and inputs) into one output: tables with the rows
// a single run writes, in its order, and an index made of the shards'
// indexes as parts.
func runMerge(ctx context.Context, args []string, _ io.Reader, _, stderr io.Writer) int {
	began := time.Now()
	fs := newFlags("merge", "merge -out OUT SHARD...", stderr)
	out := fs.String("out", "", "output `directory` (required), as for run: new, empty, or one baogao wrote")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	shards := fs.Args()
	if *out == "" || len(shards) == 0 {
		fmt.Fprintln(stderr, "baogao merge: need -out DIR and the outputs of the shards")
		fs.Usage()
		return exitUsage
	}
	if err := output.CheckTarget(*out, shards); err != nil {
		fmt.Fprintf(stderr, "baogao merge: %v\n", err)
		return exitUsage
	}
	m, files, err := checkShards(shards)
	if err != nil {
		fmt.Fprintf(stderr, "baogao merge: %v\n", err)
		return exitFatal
	}
	words, err := searchindex.IndexWords(filepath.Join(shards[0], output.IndexDir))
	if err != nil {
		return fatal(ctx, stderr, "merge", err)
	}
	w, err := output.NewWriter(*out, searchindex.Analyzer{Words: segment.NewWords(words)}, output.WriterOptions{Sources: shards})
	if err != nil {
		return fatal(ctx, stderr, "merge", err)
	}
	published := false
	defer func() {
		if !published {
			w.Discard()
		}
	}()
	for _, f := range files {
		for _, id := range f.DocIDs {
			doc := &corpus.Document{ID: id, Path: f.Path, Size: f.SizeOnDisk, From: f.shard,
				File: corpus.File{Seq: f.Seq, SHA256: deref(f.SHA256)}}
			if err := w.Add(doc); err != nil {
				return fatal(ctx, stderr, "merge", err)
			}
		}
		if err := ctx.Err(); err != nil {
			return fatal(ctx, stderr, "merge", err)
		}
	}
	merged := &output.Manifest{Version: m.Version, Revision: m.Revision, Go: m.Go, OptionsHash: m.OptionsHash,
		Flags: m.Flags, Inputs: m.Inputs, Dictionary: m.Dictionary, Analysis: m.Analysis, Merged: shards,
		Counts: map[string]int64{"shards": int64(len(shards))}, Seconds: map[string]float64{"wall": time.Since(began).Seconds()},
		Created: time.Now().UTC().Format(time.RFC3339)}
	if err := w.Publish(merged); err != nil {
		return fatal(ctx, stderr, "merge", err)
	}
	published = true
	counts := w.Tables.Counts()
	fmt.Fprintf(stderr, "baogao: merged %d shards: %d files, %d documents, %d mentions, %d problems in %s → %s\n",
		len(shards), counts["files"], counts["documents"], counts["mentions"], counts["problems"], time.Since(began).Round(time.Millisecond), *out)
	if counts["problems"] > 0 {
		printReasons(stderr, w.Tables.Reasons(), *out)
		return exitProblems
	}
	return exitOK
}

// shardFile is a file of one shard.
type shardFile struct {
	summary.FileRow
	shard string
}

// checkShards reads the shards' manifests and files: every shard of one
// -shard i/n set, of the same inputs, analysed alike. It returns the
// first manifest and every file, in the order of a single run's walk.
func checkShards(shards []string) (*output.Manifest, []shardFile, error) {
	var first *output.Manifest
	var firstAnalysis pipeline.Analysis
	n := 0
	have := map[int]string{}
	var files []shardFile
	for _, dir := range shards {
		m, err := output.ReadManifest(dir)
		if err != nil {
			return nil, nil, err
		}
		sh, err := pipeline.ParseShard(m.Shard)
		if m.Shard == "" || err != nil {
			return nil, nil, fmt.Errorf("%s is not the output of a shard (run -shard i/n)", dir)
		}
		var a pipeline.Analysis
		if err := unmarshalAnalysis(m, &a); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", dir, err)
		}
		if first == nil {
			first, firstAnalysis, n = m, a, sh.N
		} else {
			if sh.N != n {
				return nil, nil, fmt.Errorf("%s is shard %s, %s of %d shards", dir, m.Shard, shards[0], n)
			}
			if d := firstAnalysis.Diff(a); len(d) > 0 || m.OptionsHash != first.OptionsHash {
				return nil, nil, fmt.Errorf("%s was analysed unlike %s: %s", dir, shards[0], cmp.Or(strings.Join(d, "; "), "another lexicon"))
			}
			if !slices.Equal(walk.RootNames(m.Inputs), walk.RootNames(first.Inputs)) {
				return nil, nil, fmt.Errorf("%s read %v, %s %v", dir, m.Inputs, shards[0], first.Inputs)
			}
		}
		if other, dup := have[sh.I]; dup {
			return nil, nil, fmt.Errorf("%s and %s are both shard %s", other, dir, m.Shard)
		}
		have[sh.I] = dir
		rows, err := summary.ReadFiles(dir)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", dir, err)
		}
		for _, r := range rows {
			files = append(files, shardFile{r, dir})
		}
	}
	var missing []string
	for i := range n {
		if _, ok := have[i]; !ok {
			missing = append(missing, fmt.Sprintf("%d/%d", i, n))
		}
	}
	if len(missing) > 0 {
		return nil, nil, fmt.Errorf("shards %s are missing", strings.Join(missing, ", "))
	}
	slices.SortFunc(files, func(a, b shardFile) int { return cmp.Compare(a.Seq, b.Seq) })
	for i := 1; i < len(files); i++ {
		if files[i].Seq == files[i-1].Seq {
			return nil, nil, fmt.Errorf("%s and %s both hold file %d (%s, %s)", files[i-1].shard, files[i].shard, files[i].Seq, files[i-1].Path, files[i].Path)
		}
	}
	return first, files, nil
}

func unmarshalAnalysis(m *output.Manifest, a *pipeline.Analysis) error {
	if len(m.Analysis) == 0 {
		return fmt.Errorf("the manifest records no analysis")
	}
	return json.Unmarshal(m.Analysis, a)
}
