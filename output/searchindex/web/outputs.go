package web

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/output"
	"github.com/baogao/baogao/output/searchindex"
	"github.com/baogao/baogao/output/summary"
	"github.com/baogao/baogao/pipeline/segment"
)

// generation is one loading of the served outputs. Requests hold mu for
// reading while they use it; retiring it takes mu for writing, so it is
// closed only when the last of them is done.
type generation struct {
	mu      sync.RWMutex
	closed  bool
	loaded  time.Time
	outs    []*outputSet
	indexes []*searchindex.Index
	// The initiatives and entities tables of all outputs, merged by name.
	initiatives, entities table
}

func (g *generation) documents() int {
	n := 0
	for _, o := range g.outs {
		n += o.documents()
	}
	return n
}

// stale reports whether an output was published again since loading.
func (g *generation) stale() bool {
	for _, o := range g.outs {
		if o.manifest != nil && manifestStamp(o.dir) != o.stamp {
			return true
		}
	}
	return false
}

// retire closes the generation once its requests are done.
func (g *generation) retire() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closed = true
	g.close()
}

func (g *generation) close() {
	for _, o := range g.outs {
		o.close()
	}
}

// outputSet is one served directory: a run's output (index, tables,
// manifest) or an index alone.
type outputSet struct {
	dir      string
	stamp    string
	manifest *output.Manifest     // nil for an index alone
	ixs      []*searchindex.Index // the index's parts
	// docs and mentions read documents.parquet and mentions.parquet a
	// document at a time: rows are found by id through docRow and
	// mentionRows, built once by reading the id columns.
	docs, mentions *os.File
	docRow         map[string]int64
	mentionRows    map[string][2]int64 // first row, count
	initiatives    []summary.InitiativeRow
	entities       []summary.EntityRow
}

// documents counts the documents the output's index searches.
func (o *outputSet) documents() int {
	n := 0
	for _, ix := range o.ixs {
		n += ix.Len()
	}
	return n
}

func openOutput(dir string, j *segment.Jieba) (*outputSet, error) {
	o := &outputSet{dir: dir}
	m, err := output.ReadManifest(dir)
	if err == nil {
		o.manifest, o.stamp = m, manifestStamp(dir)
	}
	if o.ixs, err = searchindex.OpenSet(dir, j); err != nil {
		return nil, err
	}
	if o.manifest == nil {
		return o, nil // an index alone: documents come from it
	}
	if err := o.loadTables(); err != nil {
		o.close()
		return nil, fmt.Errorf("web: %s: %w", dir, err)
	}
	return o, nil
}

func (o *outputSet) loadTables() error {
	var err error
	if o.docs, err = os.Open(filepath.Join(o.dir, summary.DocumentsFile)); err != nil {
		return err
	}
	o.docRow = map[string]int64{}
	err = eachString(o.docs, "id", func(row int64, id []byte) { o.docRow[string(id)] = row })
	if err != nil {
		return fmt.Errorf("%s: %w", summary.DocumentsFile, err)
	}
	if o.mentions, err = os.Open(filepath.Join(o.dir, summary.MentionsFile)); err != nil {
		return err
	}
	// Mentions are written document by document: a document's rows are
	// one span.
	o.mentionRows = map[string][2]int64{}
	var cur []byte
	var span [2]int64
	var apart error
	flush := func() {
		if span[1] > 0 {
			o.mentionRows[string(cur)] = span
		}
	}
	err = eachString(o.mentions, "doc_id", func(row int64, id []byte) {
		if span[1] > 0 && string(id) == string(cur) {
			span[1]++
			return
		}
		flush()
		if _, seen := o.mentionRows[string(id)]; seen {
			apart = fmt.Errorf("rows of document %s are not together (row %d)", id, row)
		}
		cur, span = append(cur[:0], id...), [2]int64{row, 1}
	})
	flush()
	if err = cmp.Or(err, apart); err != nil {
		return fmt.Errorf("%s: %w", summary.MentionsFile, err)
	}
	if o.initiatives, err = parquet.ReadFile[summary.InitiativeRow](filepath.Join(o.dir, summary.InitiativesFile)); err != nil {
		return fmt.Errorf("%s: %w", summary.InitiativesFile, err)
	}
	if o.entities, err = parquet.ReadFile[summary.EntityRow](filepath.Join(o.dir, summary.EntitiesFile)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s: %w", summary.EntitiesFile, err)
	}
	return nil
}

// eachString calls fn with every value of the string column name of f,
// in row order, reading the column's pages alone (a row reader would
// cost a second for the half million mentions of a news corpus). The
// bytes are valid during the call only.
func eachString(f *os.File, name string, fn func(row int64, v []byte)) error {
	st, err := f.Stat()
	if err != nil {
		return err
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		return err
	}
	leaf, ok := pf.Schema().Lookup(name)
	if !ok {
		return fmt.Errorf("no column %s", name)
	}
	buf := make([]parquet.Value, 1024)
	var row int64
	for _, rg := range pf.RowGroups() {
		pages := rg.ColumnChunks()[leaf.ColumnIndex].Pages()
		for {
			p, err := pages.ReadPage()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				pages.Close()
				return err
			}
			vr := p.Values()
			for {
				n, err := vr.ReadValues(buf)
				for _, v := range buf[:n] {
					fn(row, v.ByteArray())
					row++
				}
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					pages.Close()
					return err
				}
			}
			parquet.Release(p)
		}
		pages.Close()
	}
	if row != pf.NumRows() {
		return fmt.Errorf("column %s: %d values in %d rows", name, row, pf.NumRows())
	}
	return nil
}

// readRows reads count rows of f from row first.
func readRows[T any](f *os.File, first, count int64) ([]T, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		return nil, err
	}
	r := parquet.NewGenericReader[T](pf)
	defer r.Close()
	if err := r.SeekToRow(first); err != nil {
		return nil, err
	}
	out := make([]T, count)
	n, err := r.Read(out)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return out[:n], nil
}

func (o *outputSet) close() {
	for _, ix := range o.ixs {
		ix.Close()
	}
	for _, f := range []*os.File{o.docs, o.mentions} {
		if f != nil {
			f.Close()
		}
	}
}

// Document is the answer of /api/docs/{id}: the document as written, its
// metadata and every mention, with offsets into text.
type Document struct {
	ID            string            `json:"id"`
	Path          string            `json:"path"`
	Title         string            `json:"title"`
	Date          string            `json:"date"`
	DateSource    string            `json:"date_source,omitempty"`
	Status        string            `json:"status,omitempty"`
	Source        string            `json:"source,omitempty"`
	Author        string            `json:"author,omitempty"`
	URL           string            `json:"url,omitempty"`
	Pages         int32             `json:"pages,omitempty"`
	Meta          map[string]string `json:"meta,omitempty"`
	Text          string            `json:"text"`
	Chars         int               `json:"chars"`
	Mentions      []Mention         `json:"mentions"`
	Index         string            `json:"index,omitempty"`
	MentionsKnown bool              `json:"mentions_known"` // false for an index served without its run's tables
}

// Mention is one mention of a document. Offsets are half-open: start and
// end in UTF-8 bytes, start_char and end_char in code points (what
// JavaScript's Array.from(text) indexes).
type Mention struct {
	Kind      string   `json:"kind"`
	Text      string   `json:"text"`
	Start     int64    `json:"start"`
	End       int64    `json:"end"`
	StartChar int64    `json:"start_char"`
	EndChar   int64    `json:"end_char"`
	Value     string   `json:"value,omitempty"`
	Grain     string   `json:"grain,omitempty"`
	Unit      string   `json:"unit,omitempty"`
	Approx    string   `json:"approx,omitempty"`
	Rule      string   `json:"rule,omitempty"`
	Type      string   `json:"type,omitempty"`
	Noun      string   `json:"noun,omitempty"`
	Page      *int32   `json:"page,omitempty"`
	Num       *float64 `json:"num,omitempty"`
	DateStart string   `json:"date_start,omitempty"`
}

func (o *outputSet) document(id string) (*Document, error) {
	var d searchindex.Doc
	err := searchindex.ErrNoDoc
	for _, ix := range o.ixs {
		if d, err = ix.Document(id); !errors.Is(err, searchindex.ErrNoDoc) {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	doc := &Document{ID: d.ID, Path: d.Path, Title: d.Title, Date: d.Date.String(), Text: d.Text,
		Chars: utf8.RuneCountInString(d.Text), Mentions: []Mention{}}
	if o.manifest == nil {
		return doc, nil
	}
	doc.MentionsKnown = true
	if row, ok := o.docRow[id]; ok {
		rows, err := readRows[summary.DocumentRow](o.docs, row, 1)
		if err != nil {
			return nil, err
		}
		if len(rows) == 1 {
			r := rows[0]
			doc.DateSource, doc.Status, doc.Meta = str(r.DocDateSource), r.Status, r.Meta
			doc.Source, doc.Author, doc.URL = str(r.Source), str(r.Author), str(r.URL)
			if r.Pages != nil {
				doc.Pages = *r.Pages
			}
		}
	}
	if span, ok := o.mentionRows[id]; ok {
		rows, err := readRows[summary.MentionRow](o.mentions, span[0], span[1])
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			m := Mention{Kind: r.Kind, Text: r.Text, Start: r.Start, End: r.End, StartChar: r.StartChar, EndChar: r.EndChar,
				Value: str(r.Value), Grain: str(r.Grain), Unit: str(r.Unit), Approx: str(r.Approx), Rule: str(r.Rule),
				Type: str(r.Type), Noun: str(r.Noun), Page: r.Page, Num: r.Num}
			if r.DateStart != nil {
				m.DateStart = time.UnixMicro(*r.DateStart).UTC().Format("2006-01-02T15:04")
			}
			doc.Mentions = append(doc.Mentions, m)
		}
	}
	return doc, nil
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// table is the rows of the initiatives or entities table of all outputs.
type table interface {
	query(q, kind, typ, sort string) ([]any, error)
}

// Initiative is a row of /api/initiatives.
type Initiative struct {
	Name      string   `json:"name"`
	Type      string   `json:"type,omitempty"`
	Aliases   []string `json:"aliases"`
	Documents int64    `json:"documents"`
	Mentions  int64    `json:"mentions"`
	FirstDate string   `json:"first_date,omitempty"`
	LastDate  string   `json:"last_date,omitempty"`
}

// Entity is a row of /api/entities.
type Entity struct {
	Kind      string   `json:"kind"`
	Name      string   `json:"name"`
	Aliases   []string `json:"aliases"`
	Documents int64    `json:"documents"`
	Mentions  int64    `json:"mentions"`
}

type initiativeTable []Initiative
type entityTable []Entity

// merge builds the tables of the generation: rows of the same name in
// several outputs add up.
func (g *generation) merge() {
	inits := map[string]*Initiative{}
	ents := map[[2]string]*Entity{}
	for _, o := range g.outs {
		for _, r := range o.initiatives {
			row := inits[r.Name]
			if row == nil {
				row = &Initiative{Name: r.Name, Type: str(r.Type)}
				inits[r.Name] = row
			}
			row.Aliases = union(row.Aliases, r.Aliases)
			row.Documents += r.Documents
			row.Mentions += r.Mentions
			if f := day(r.FirstDate); f != "" && (row.FirstDate == "" || f < row.FirstDate) {
				row.FirstDate = f
			}
			if l := day(r.LastDate); l > row.LastDate {
				row.LastDate = l
			}
		}
		for _, r := range o.entities {
			k := [2]string{r.Kind, r.Name}
			row := ents[k]
			if row == nil {
				row = &Entity{Kind: r.Kind, Name: r.Name}
				ents[k] = row
			}
			row.Aliases = union(row.Aliases, r.Aliases)
			row.Documents += r.Documents
			row.Mentions += r.Mentions
		}
	}
	var it initiativeTable
	for _, r := range inits {
		it = append(it, *r)
	}
	var et entityTable
	for _, r := range ents {
		et = append(et, *r)
	}
	g.initiatives, g.entities = it, et
}

func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// day formats days since 1970-01-01 as YYYY-MM-DD, "" for nil.
func day(d *int32) string {
	if d == nil {
		return ""
	}
	return time.Unix(int64(*d)*86400, 0).UTC().Format("2006-01-02")
}

// The sort keys of the tables: most documents first by default.
var sortKeys = []string{"", "documents", "mentions", "name", "first_date", "last_date"}

func checkSort(sort string) error {
	if !slices.Contains(sortKeys, sort) {
		return badRequest("sort=%q: want documents, mentions, name, first_date or last_date", sort)
	}
	return nil
}

func (t initiativeTable) query(q, _, typ, sort string) ([]any, error) {
	if err := checkSort(sort); err != nil {
		return nil, err
	}
	rows := slices.Clone(t)
	rows = slices.DeleteFunc(rows, func(r Initiative) bool {
		return (q != "" && !matches(r.Name, r.Aliases, q)) || (typ != "" && r.Type != typ)
	})
	slices.SortFunc(rows, func(a, b Initiative) int {
		switch sort {
		case "name":
			return strings.Compare(a.Name, b.Name)
		case "mentions":
			return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), strings.Compare(a.Name, b.Name))
		case "first_date":
			return cmp.Or(strings.Compare(a.FirstDate, b.FirstDate), strings.Compare(a.Name, b.Name))
		case "last_date":
			return cmp.Or(strings.Compare(b.LastDate, a.LastDate), strings.Compare(a.Name, b.Name))
		}
		return cmp.Or(cmp.Compare(b.Documents, a.Documents), cmp.Compare(b.Mentions, a.Mentions), strings.Compare(a.Name, b.Name))
	})
	out := make([]any, len(rows))
	for i, r := range rows {
		out[i] = r
	}
	return out, nil
}

func (t entityTable) query(q, kind, _, sort string) ([]any, error) {
	if err := checkSort(sort); err != nil {
		return nil, err
	}
	if kind != "" && !slices.Contains([]string{string(corpus.KindOrg), string(corpus.KindPerson), string(corpus.KindPlace)}, kind) {
		return nil, badRequest("kind=%q: want org, person or place", kind)
	}
	rows := slices.Clone(t)
	rows = slices.DeleteFunc(rows, func(r Entity) bool {
		return (q != "" && !matches(r.Name, r.Aliases, q)) || (kind != "" && r.Kind != kind)
	})
	slices.SortFunc(rows, func(a, b Entity) int {
		switch sort {
		case "name":
			return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.Kind, b.Kind))
		case "mentions":
			return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), strings.Compare(a.Name, b.Name), strings.Compare(a.Kind, b.Kind))
		}
		return cmp.Or(cmp.Compare(b.Documents, a.Documents), cmp.Compare(b.Mentions, a.Mentions), strings.Compare(a.Name, b.Name), strings.Compare(a.Kind, b.Kind))
	})
	out := make([]any, len(rows))
	for i, r := range rows {
		out[i] = r
	}
	return out, nil
}

// matches reports whether q occurs in the name or an alias.
func matches(name string, aliases []string, q string) bool {
	if strings.Contains(name, q) {
		return true
	}
	return slices.ContainsFunc(aliases, func(a string) bool { return strings.Contains(a, q) })
}
