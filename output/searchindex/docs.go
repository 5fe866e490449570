package searchindex

import (
	"encoding/gob"
	"fmt"
	"os"
	"slices"

	"github.com/klauspost/compress/zstd"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/normalize"
)

// formatVersion names the layout of an index directory; Open refuses
// others. Version 3: bleve postings of words, the gram store, the content
// store and the docs table (version 2 held the grams in bleve; version 1
// stored texts and term vectors there).
const formatVersion = 3

// docTable is what the index keeps of each document besides its postings,
// in input order (a document's ordinal is its bleve ID): its fields for
// hits, facets and filters, the lengths BM25 needs, and where its text is
// in the content store. An index loads it whole: some 150 bytes a
// document.
type docTable struct {
	Format int
	// Words are the words the documents were cut keeping whole; queries
	// are cut the same way.
	Words []string

	ID, Path, Title []string
	// TitleView is the repaired view of the title, "" when it is the
	// title itself.
	TitleView []string
	// Date is the document date as year*10000 + month*100 + day, with 0
	// for an unknown month or day; 0 when undated.
	Date []int32
	// Inits are the document's canonical initiatives, as indexes into
	// Names.
	Inits [][]uint32
	Names []string
	// Kinds are the kinds of mention the document has (date, person,
	// ...), as indexes into KindNames.
	Kinds     [][]uint8
	KindNames []string
	// TextWords and TitleWords count the words of each field: the field
	// lengths of BM25.
	TextWords, TitleWords []uint32
	// Where the text is: block and offset in the content store, its length
	// and the length of its repaired view stored after it (0 when the
	// view is the text itself).
	Block, Off, TextLen, ViewLen []uint32
	// Blocks are the content store's block offsets.
	Blocks []int64
}

func (t *docTable) len() int { return len(t.ID) }

// add appends a document; names maps initiative names to their index.
func (t *docTable) add(doc *corpus.Document, titleWords int, names map[string]uint32) int {
	ord := len(t.ID)
	t.ID = append(t.ID, doc.ID)
	t.Path = append(t.Path, doc.Path)
	t.Title = append(t.Title, doc.Title)
	tv := normalize.Repair(doc.Title).Text
	if tv == doc.Title {
		tv = ""
	}
	t.TitleView = append(t.TitleView, tv)
	t.Date = append(t.Date, packDate(doc.Date))
	var inits []uint32
	for _, n := range initiatives(doc.Mentions) {
		id, ok := names[n]
		if !ok {
			id = uint32(len(t.Names))
			names[n] = id
			t.Names = append(t.Names, n)
		}
		inits = append(inits, id)
	}
	t.Inits = append(t.Inits, inits)
	var kinds []uint8
	for _, m := range doc.Mentions {
		k := slices.Index(t.KindNames, string(m.Kind))
		if k < 0 {
			k = len(t.KindNames)
			t.KindNames = append(t.KindNames, string(m.Kind))
		}
		if !slices.Contains(kinds, uint8(k)) {
			kinds = append(kinds, uint8(k))
		}
	}
	slices.Sort(kinds)
	t.Kinds = append(t.Kinds, kinds)
	t.TextWords = append(t.TextWords, uint32(corpus.Words(doc.Tokens)))
	t.TitleWords = append(t.TitleWords, uint32(titleWords))
	return ord
}

func packDate(d corpus.Date) int32 {
	if d.IsZero() {
		return 0
	}
	return int32(d.Year*10000 + d.Month*100 + d.Day)
}

func unpackDate(v int32) corpus.Date {
	return corpus.Date{Year: int(v / 10000), Month: int(v / 100 % 100), Day: int(v % 100)}
}

// writeDocs writes the table gob-encoded and zstd-compressed (paths and
// titles repeat: a third of the size).
func writeDocs(path string, t *docTable) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := zstd.NewWriter(f)
	if err == nil {
		err = gob.NewEncoder(zw).Encode(t)
		if cerr := zw.Close(); err == nil {
			err = cerr
		}
	}
	if serr := f.Sync(); err == nil {
		err = serr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func readDocs(path string) (*docTable, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := zstd.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("docs table: %w", err)
	}
	defer zr.Close()
	var t docTable
	if err := gob.NewDecoder(zr).Decode(&t); err != nil {
		return nil, fmt.Errorf("docs table: %w", err)
	}
	if t.Format != formatVersion {
		return nil, fmt.Errorf("index format %d, this baogao reads %d: run baogao run again to rebuild it", t.Format, formatVersion)
	}
	return &t, nil
}
