package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/output"
	"github.com/baogao/baogao/output/searchindex"
	"github.com/baogao/baogao/output/summary"
	"github.com/baogao/baogao/pipeline"
)

// previous is the output an incremental run starts from: what it holds of
// each file and the evidence it learned from.
type previous struct {
	dir      string
	manifest *output.Manifest
	files    map[string]summary.FileRow // by path
	learned  map[string][]summary.LearnedRow
	evidence []pipeline.Evidence // all of it, in its order
}

// openPrevious returns the output at out when an incremental run can
// carry its rows forward, or nil and why not ("" when there is no output
// there yet).
func openPrevious(out string, e *pipeline.Engine, shard pipeline.Shard) (*previous, string, error) {
	m, err := output.ReadManifest(out)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, output.ErrNoManifest) {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", err
	}
	if len(m.Analysis) == 0 {
		return nil, "the previous outputs were written by an earlier baogao that records no analysis", nil
	}
	var was pipeline.Analysis
	if err := json.Unmarshal(m.Analysis, &was); err != nil {
		return nil, fmt.Sprintf("the previous manifest's analysis does not read (%v)", err), nil
	}
	if diff := was.Diff(e.Analysis()); len(diff) > 0 {
		return nil, "changed since the previous run: " + strings.Join(diff, "; "), nil
	}
	if m.Shard != shard.String() {
		return nil, fmt.Sprintf("the previous run took shard %q, this one %q", m.Shard, shard.String()), nil
	}
	if ps, err := searchindex.ReadParts(filepath.Join(out, output.IndexDir)); err == nil && len(ps.Parts) >= searchindex.MaxParts {
		return nil, fmt.Sprintf("the index has %d parts: analysing everything into one", len(ps.Parts)), nil
	}
	if _, err := searchindex.IndexWords(filepath.Join(out, output.IndexDir)); err != nil {
		return nil, fmt.Sprintf("the previous index does not read (%v)", err), nil
	}
	files, err := summary.ReadFiles(out)
	if err != nil {
		return nil, fmt.Sprintf("the previous outputs have no files table (%v)", err), nil
	}
	learned, err := summary.ReadLearned(out)
	if err != nil {
		return nil, fmt.Sprintf("the previous outputs have no learned table (%v)", err), nil
	}
	p := &previous{dir: out, manifest: m, files: make(map[string]summary.FileRow, len(files)), learned: map[string][]summary.LearnedRow{}}
	for _, f := range files {
		p.files[f.Path] = f
	}
	for _, r := range learned {
		p.learned[r.DocID] = append(p.learned[r.DocID], r)
		p.evidence = append(p.evidence, evidenceOf(r))
	}
	return p, "", nil
}

func evidenceOf(r summary.LearnedRow) pipeline.Evidence {
	return pipeline.Evidence{DocID: r.DocID, Path: r.Path, Name: r.Name, Type: deref(r.Type), Example: r.Example}
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// learnedRows turns evidence into rows of learned.parquet.
func learnedRows(ev []pipeline.Evidence) []summary.LearnedRow {
	out := make([]summary.LearnedRow, len(ev))
	for i, e := range ev {
		out[i] = summary.LearnedRow{DocID: e.DocID, Path: e.Path, Name: e.Name, Example: e.Example}
		if e.Type != "" {
			out[i].Type = &e.Type
		}
	}
	return out
}

// plan is what an incremental run does with each file.
type plan struct {
	prev *previous
	// again are unchanged files analysed again (they hold a learned
	// name that changed).
	again map[string]bool
	// seen are the files of this run with the SHA-256 of their bytes.
	seen  map[string]string
	stats output.Incremental
}

// carry is the ReadOptions.Carry of the run: unchanged files, not to be
// analysed again, are carried from the previous outputs.
func (p *plan) carry(path, sum string) []*corpus.Document {
	f, ok := p.prev.files[path]
	if !ok || f.SHA256 == nil || *f.SHA256 != sum || p.again[path] {
		return nil
	}
	docs := make([]*corpus.Document, len(f.DocIDs))
	for i, id := range f.DocIDs {
		docs[i] = &corpus.Document{ID: id, Path: path, Size: f.SizeOnDisk, From: p.prev.dir}
	}
	return docs
}

// scan reads every file of the run once, to know which are new, changed,
// unchanged or gone, without parsing those the previous outputs hold.
func (p *plan) scan(ctx context.Context, roots []string, ropts pipeline.ReadOptions) error {
	p.seen = map[string]string{}
	ropts.Carry = func(path, sum string) []*corpus.Document {
		p.seen[path] = sum
		return []*corpus.Document{{From: "scan"}} // not parsed; dropped below
	}
	ropts.OCR = false
	err := pipeline.Read(roots, ropts)(ctx, func(*corpus.Document) error { return nil })
	if err != nil {
		return err
	}
	for path, sum := range p.seen {
		switch f, ok := p.prev.files[path]; {
		case !ok:
			p.stats.New++
		case f.SHA256 == nil || *f.SHA256 != sum:
			p.stats.Changed++
		default:
			p.stats.Unchanged++
		}
	}
	for path, f := range p.prev.files {
		// Files the walk refused have no bytes: they are read again.
		if _, ok := p.seen[path]; !ok && f.SHA256 != nil {
			p.stats.Deleted++
		}
	}
	return nil
}

// unchanged reports whether the run would write what the previous
// outputs hold: every file the same, none gone, the same names learned.
func (p *plan) unchanged(hash, partition string) bool {
	s := p.stats
	return s.New == 0 && s.Changed == 0 && s.Deleted == 0 && s.Relearned == 0 &&
		hash == p.prev.manifest.OptionsHash && partition == p.prev.manifest.Partition
}

// relearn finds the unchanged files holding a learned name that was
// added or dropped (or changed type): the previous index finds the
// documents whose repaired view holds it.
func (p *plan) relearn(ctx context.Context, e *pipeline.Engine, was, now pipeline.Learned) error {
	p.again = map[string]bool{}
	names := changedNames(was, now)
	p.stats.Names = names
	if len(names) == 0 {
		return nil
	}
	ixs, err := searchindex.OpenSet(p.prev.dir, e.Jieba())
	if err != nil {
		return err
	}
	defer func() {
		for _, ix := range ixs {
			ix.Close()
		}
	}()
	total := 0
	for _, ix := range ixs {
		total += ix.Len()
	}
	for _, name := range names {
		res, err := searchindex.Search(ctx, ixs, searchindex.Request{Query: `"` + strings.ReplaceAll(name, `"`, "") + `"`, N: total})
		if err != nil {
			return fmt.Errorf("find the documents holding %s: %w", name, err)
		}
		for _, h := range res.Hits {
			if _, ok := p.seen[h.Path]; ok && !p.again[h.Path] {
				if f, ok := p.prev.files[h.Path]; ok && f.SHA256 != nil && *f.SHA256 == p.seen[h.Path] {
					p.again[h.Path] = true
					p.stats.Relearned++
				}
			}
		}
	}
	return nil
}

// changedNames lists the names learned in one of was and now only, or
// with another type.
func changedNames(was, now pipeline.Learned) []string {
	types := map[string]string{}
	for _, n := range was {
		types[n.Name] = n.Type
	}
	var out []string
	for _, n := range now {
		if t, ok := types[n.Name]; !ok || t != n.Type {
			out = append(out, n.Name)
		}
		delete(types, n.Name)
	}
	for name := range types {
		out = append(out, name)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// prior gives the learning pass the evidence of carried documents.
func (p *plan) prior(doc *corpus.Document) []pipeline.Evidence {
	var out []pipeline.Evidence
	for _, r := range p.prev.learned[doc.ID] {
		ev := evidenceOf(r)
		ev.Path = doc.Path
		out = append(out, ev)
	}
	return out
}
