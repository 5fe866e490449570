package summary

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/schema"
	"github.com/parquet-go/parquet-go"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/output/summary/summarytest"
)

// The fixture texts are original sentences in the style of the reports.
// 𠮷 (U+20BB7) is a 4-byte rune: it shifts byte offsets by 4 and
// code-point offsets by 1, which proves start_char is not start.
const (
	textOK      = "𠮷县人民医院于2023年6月召开职工代表大会，全年门诊量达12万人次。"
	textPartial = "市卫健委印发《基层医疗服务提升行动方案》。"
)

// fixtureDocs returns three documents: an analysed one with mentions in
// scrambled order, a skipped one with a problem, and a partial one.
func fixtureDocs() []*corpus.Document {
	ok := &corpus.Document{
		ID: "d1", Path: "reports/2023/县医院.txt", Encoding: "utf-8", Confidence: 1,
		Size: int64(len(textOK)) + 3, Text: textOK, Title: "县医院职代会",
		Date: corpus.Date{Year: 2023, Month: 6, Day: 1}, DateSource: "text",
		Meta:   map[string]string{"source": "县政府网", "id": "A-17", "author": "办公室", "url": "http://example.org/1"},
		Tokens: make([]corpus.Token, 7),
		// Two printed pages, the second from 12万人次 on, read by OCR.
		Pages: []int{0, strings.Index(textOK, "12万")}, OCR: true,
	}
	ok.Mentions = []corpus.Mention{
		mention(ok.Text, corpus.KindNumber, "12万人次", corpus.Mention{Value: "120000", Grain: "cardinal", Unit: "人次", Rule: "wan"}),
		mention(ok.Text, corpus.KindNumber, "2023年", corpus.Mention{Value: "2023", Rule: "year-number"}),
		mention(ok.Text, corpus.KindDate, "2023年6月", corpus.Mention{Value: "2023-06", Grain: "month", Rule: "ym"}),
		mention(ok.Text, corpus.KindDate, "2023年", corpus.Mention{Value: "2023", Grain: "year", Rule: "y"}),
	}
	skipped := &corpus.Document{
		ID: "d2", Path: "reports/2023/扫描件.pdf", Item: 0, Size: 4096,
		Skip:     "binary",
		Problems: []corpus.Problem{{Stage: "read", Offset: -1, Err: errors.New("not a text file")}},
	}
	partial := &corpus.Document{
		ID: "d3", Path: "reports/2023/合集.txt", Item: 2, Encoding: "gb18030", Confidence: 0.75,
		Size: 60, Text: textPartial, Meta: map[string]string{},
		Problems: []corpus.Problem{{Path: "reports/2023/合集.txt", Stage: "extract/date", Reason: "ambiguous year", Offset: 9, Line: 2, Err: errors.New("ambiguous year")}},
	}
	partial.Mentions = []corpus.Mention{
		mention(partial.Text, corpus.KindInitiative, "《基层医疗服务提升行动方案》", corpus.Mention{Value: "基层医疗服务提升行动方案", Type: "campaign", Rule: "book-title"}),
	}
	return []*corpus.Document{ok, skipped, partial}
}

// mention returns m with Kind set and Span on the first occurrence of
// surface in text.
func mention(text string, k corpus.Kind, surface string, m corpus.Mention) corpus.Mention {
	i := strings.Index(text, surface)
	if i < 0 {
		panic("fixture: " + surface + " not in text")
	}
	m.Kind, m.Span = k, corpus.Span{Start: i, End: i + len(surface)}
	return m
}

// writeDocs writes docs into a new directory and returns it.
func writeDocs(t testing.TB, opts Options, docs []*corpus.Document) (string, *Writer) {
	t.Helper()
	dir := t.TempDir()
	w, err := New(dir, opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	for _, d := range docs {
		if err := w.Add(d); err != nil {
			t.Fatalf("Add(%s): %v", d.ID, err)
		}
	}
	if err := w.Finish(); err != nil {
		t.Fatalf("Finish: %v", err)
	}
	return dir, w
}

// readTable reads a Parquet file with arrow-go, independent of the writer.
func readTable(t testing.TB, path string) (*arrow.Schema, []map[string]any) {
	return summarytest.ReadTable(t, path)
}

func TestArrowSchema(t *testing.T) {
	dir, _ := writeDocs(t, Options{}, fixtureDocs())
	str := arrow.STRING
	tests := []struct {
		file string
		want map[string]arrow.Type
	}{
		{DocumentsFile, map[string]arrow.Type{
			"id": str, "path": str, "item": arrow.INT32, "title": str, "doc_date": arrow.DATE32, "doc_year": arrow.INT32, "line": arrow.INT32,
			"doc_date_source": str, "encoding": str, "encoding_confidence": arrow.FLOAT64,
			"text": str, "bytes": arrow.INT64, "chars": arrow.INT64, "tokens": arrow.INT64,
			"size_on_disk": arrow.INT64, "status": str, "skip_reason": str, "meta": arrow.MAP,
			"source": str, "author": str, "url": str, "pages": arrow.INT32, "ocr": arrow.BOOL,
		}},
		{MentionsFile, map[string]arrow.Type{
			"doc_id": str, "kind": str, "text": str, "start": arrow.INT64, "end": arrow.INT64,
			"start_char": arrow.INT64, "end_char": arrow.INT64, "value": str, "grain": str,
			"unit": str, "approx": str, "rule": str, "type": str, "noun": str, "period": str,
			"date_start": arrow.TIMESTAMP, "date_end": arrow.TIMESTAMP,
			"num": arrow.FLOAT64, "num_low": arrow.FLOAT64, "num_high": arrow.FLOAT64,
			"sent_start_char": arrow.INT64, "sent_end_char": arrow.INT64,
			"page": arrow.INT32,
		}},
		{ProblemsFile, map[string]arrow.Type{
			"path": str, "doc_id": str, "stage": str, "offset": arrow.INT64, "message": str, "reason": str, "line": arrow.INT32,
		}},
		{InitiativesFile, map[string]arrow.Type{
			"name": str, "type": str, "aliases": arrow.LIST, "documents": arrow.INT64, "mentions": arrow.INT64,
			"first_date": arrow.DATE32, "last_date": arrow.DATE32, "first_year": arrow.INT32, "last_year": arrow.INT32,
		}},
		{EntitiesFile, map[string]arrow.Type{
			"kind": str, "name": str, "aliases": arrow.LIST, "documents": arrow.INT64, "mentions": arrow.INT64,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			sc, _ := readTable(t, filepath.Join(dir, tt.file))
			got := map[string]arrow.Type{}
			for _, f := range sc.Fields() {
				id := f.Type.ID()
				if id == arrow.LARGE_STRING {
					id = arrow.STRING
				}
				got[f.Name] = id
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("schema of %s = %v; want %v", tt.file, got, tt.want)
			}
			if i := sc.FieldIndices("meta"); len(i) == 1 {
				mt := sc.Field(i[0]).Type.(*arrow.MapType)
				if mt.KeyType().ID() != str || mt.ItemType().ID() != str {
					t.Errorf("meta = %v; want map<string, string>", mt)
				}
			}
		})
	}
}

// TestParquetMetadata checks what the Arrow schema hides: string columns
// carry the STRING logical type, doc_date the DATE type, and every chunk
// is zstd-compressed.
func TestParquetMetadata(t *testing.T) {
	dir, _ := writeDocs(t, Options{}, fixtureDocs())
	for _, name := range []string{DocumentsFile, MentionsFile, ProblemsFile} {
		t.Run(name, func(t *testing.T) {
			rdr, err := file.OpenParquetFile(filepath.Join(dir, name), false)
			if err != nil {
				t.Fatal(err)
			}
			defer rdr.Close()
			md := rdr.MetaData()
			for i := 0; i < md.Schema.NumColumns(); i++ {
				col := md.Schema.Column(i)
				lt := col.LogicalType()
				switch {
				case col.PhysicalType().String() == "BYTE_ARRAY" && !lt.Equals(schema.StringLogicalType{}):
					t.Errorf("column %s: logical type %v; want String", col.Path(), lt)
				case col.Name() == "doc_date" && !lt.Equals(schema.DateLogicalType{}):
					t.Errorf("column doc_date: logical type %v; want Date", lt)
				case col.Name() == "date_start" || col.Name() == "date_end":
					// Not adjusted to UTC: DuckDB reads TIMESTAMP, not
					// TIMESTAMP WITH TIME ZONE, and shows the value as written.
					ts, ok := lt.(schema.TimestampLogicalType)
					if !ok || ts.IsAdjustedToUTC() || ts.TimeUnit() != schema.TimeUnitMicros {
						t.Errorf("column %s: logical type %v; want Timestamp(isAdjustedToUTC=false, micros)", col.Name(), lt)
					}
				}
			}
			for g := 0; g < rdr.NumRowGroups(); g++ {
				for c := 0; c < md.Schema.NumColumns(); c++ {
					cc, err := md.RowGroup(g).ColumnChunk(c)
					if err != nil {
						t.Fatal(err)
					}
					if cc.Compression() != compress.Codecs.Zstd {
						t.Errorf("row group %d column %d: compression %v; want zstd", g, c, cc.Compression())
					}
				}
			}
			if by := md.GetCreatedBy(); by != createdBy {
				t.Errorf("created_by = %q; want the constant %q", by, createdBy)
			}
		})
	}
}

func TestDocumentsValues(t *testing.T) {
	docs := fixtureDocs()
	dir, _ := writeDocs(t, Options{}, docs)
	_, rows := readTable(t, filepath.Join(dir, DocumentsFile))
	want := []map[string]any{{
		"id": "d1", "path": "reports/2023/县医院.txt", "item": int32(0), "title": "县医院职代会",
		"doc_date": "2023-06-01", "doc_date_source": "text", "encoding": "utf-8", "encoding_confidence": 1.0,
		"text": textOK, "bytes": int64(len(textOK)), "chars": int64(len([]rune(textOK))), "tokens": int64(7),
		"size_on_disk": int64(len(textOK)) + 3, "status": "ok", "skip_reason": nil,
		"meta":   map[string]string{"source": "县政府网", "id": "A-17", "author": "办公室", "url": "http://example.org/1"},
		"source": "县政府网", "author": "办公室", "url": "http://example.org/1", "doc_year": int32(2023),
		"pages": int32(2), "ocr": true,
	}, {
		"id": "d2", "path": "reports/2023/扫描件.pdf", "item": int32(0), "title": nil,
		"doc_date": nil, "doc_date_source": nil, "encoding": nil, "encoding_confidence": 0.0,
		"text": "", "bytes": int64(0), "chars": int64(0), "tokens": int64(0),
		"size_on_disk": int64(4096), "status": "skipped", "skip_reason": "binary", "meta": nil,
		"source": nil, "author": nil, "url": nil, "doc_year": nil, "pages": nil, "ocr": false,
	}, {
		"id": "d3", "path": "reports/2023/合集.txt", "item": int32(2), "title": nil,
		"doc_date": nil, "doc_date_source": nil, "encoding": "gb18030", "encoding_confidence": 0.75,
		"text": textPartial, "bytes": int64(len(textPartial)), "chars": int64(len([]rune(textPartial))), "tokens": int64(0),
		"size_on_disk": int64(60), "status": "partial", "skip_reason": nil, "meta": nil,
	}}
	if len(rows) != len(want) {
		t.Fatalf("documents has %d rows; want %d", len(rows), len(want))
	}
	for i := range want {
		t.Run(docs[i].ID, func(t *testing.T) {
			for col, w := range want[i] {
				if g := rows[i][col]; !reflect.DeepEqual(g, w) {
					t.Errorf("documents[%d].%s = %#v; want %#v", i, col, g, w)
				}
			}
		})
	}
}

func TestMentionsValues(t *testing.T) {
	dir, _ := writeDocs(t, Options{}, fixtureDocs())
	_, rows := readTable(t, filepath.Join(dir, MentionsFile))
	// Sorted by document, start, end, kind: the two "2023年" mentions
	// share a span and are ordered by kind name.
	want := []struct {
		docID, kind, text string
		start, startChar  int64
		value, grain, typ any
		typed             []any // date_start, date_end, num, num_low, num_high
		sentence          string
		page              any // d1 has two pages; d3 none
	}{
		{"d1", "date", "2023年", int64(len("𠮷县人民医院于")), 7, "2023", "year", nil,
			[]any{"2023-01-01T00:00:00", "2024-01-01T00:00:00", nil, nil, nil}, textOK, int32(1)},
		{"d1", "number", "2023年", int64(len("𠮷县人民医院于")), 7, "2023", nil, nil,
			[]any{nil, nil, 2023.0, 2023.0, 2023.0}, textOK, int32(1)},
		{"d1", "date", "2023年6月", int64(len("𠮷县人民医院于")), 7, "2023-06", "month", nil,
			[]any{"2023-06-01T00:00:00", "2023-07-01T00:00:00", nil, nil, nil}, textOK, int32(1)},
		{"d1", "number", "12万人次", int64(strings.Index(textOK, "12万")), int64(len([]rune(textOK[:strings.Index(textOK, "12万")]))), "120000", "cardinal", nil,
			[]any{nil, nil, 120000.0, 120000.0, 120000.0}, textOK, int32(2)},
		{"d3", "initiative", "《基层医疗服务提升行动方案》", int64(len("市卫健委印发")), 6, "基层医疗服务提升行动方案", nil, "campaign",
			[]any{nil, nil, nil, nil, nil}, textPartial, nil},
	}
	if len(rows) != len(want) {
		t.Fatalf("mentions has %d rows; want %d", len(rows), len(want))
	}
	texts := map[string]string{"d1": textOK, "d3": textPartial}
	for i, w := range want {
		r := rows[i]
		t.Run(w.docID+"/"+w.kind+"/"+w.text, func(t *testing.T) {
			got := []any{r["doc_id"], r["kind"], r["text"], r["start"], r["start_char"], r["value"], r["grain"], r["type"], r["page"]}
			exp := []any{w.docID, w.kind, w.text, w.start, w.startChar, w.value, w.grain, w.typ, w.page}
			if !reflect.DeepEqual(got, exp) {
				t.Errorf("mentions[%d] = %v; want %v", i, got, exp)
			}
			text := texts[w.docID]
			start, end := r["start"].(int64), r["end"].(int64)
			if s := text[start:end]; s != r["text"] {
				t.Errorf("text[start:end] = %q; want %q", s, r["text"])
			}
			sc, ec := r["start_char"].(int64), r["end_char"].(int64)
			if s := string([]rune(text)[sc:ec]); s != r["text"] {
				t.Errorf("runes[start_char:end_char] = %q; want %q", s, r["text"])
			}
			for _, col := range []string{"approx", "noun"} {
				if r[col] != nil {
					t.Errorf("mentions[%d].%s = %#v; want null", i, col, r[col])
				}
			}
			typed := []any{r["date_start"], r["date_end"], r["num"], r["num_low"], r["num_high"]}
			if !reflect.DeepEqual(typed, w.typed) {
				t.Errorf("mentions[%d] date_start, date_end, num, num_low, num_high = %v; want %v", i, typed, w.typed)
			}
			ss, se := r["sent_start_char"].(int64), r["sent_end_char"].(int64)
			if s := string([]rune(text)[ss:se]); s != w.sentence {
				t.Errorf("runes[sent_start_char:sent_end_char] = %q; want %q", s, w.sentence)
			}
		})
	}
}

func TestProblemsValues(t *testing.T) {
	dir, _ := writeDocs(t, Options{}, fixtureDocs())
	_, rows := readTable(t, filepath.Join(dir, ProblemsFile))
	want := []map[string]any{
		{"path": "reports/2023/扫描件.pdf", "doc_id": "d2", "stage": "read", "offset": nil, "message": "not a text file", "reason": "read", "line": nil},
		{"path": "reports/2023/合集.txt", "doc_id": "d3", "stage": "extract/date", "offset": int64(9), "message": "ambiguous year", "reason": "ambiguous year", "line": int32(2)},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("problems = %v; want %v", rows, want)
	}
}

func TestCounts(t *testing.T) {
	_, w := writeDocs(t, Options{}, fixtureDocs())
	want := map[string]int64{"documents": 3, "mentions": 5, "problems": 2, "initiatives": 1, "entities": 0, "files": 3, "learned": 0, "skipped": 1}
	if got := w.Counts(); !reflect.DeepEqual(got, want) {
		t.Errorf("Counts() = %v; want %v", got, want)
	}
}

// TestDeterministic writes the same input twice; the files must be
// byte-identical (no timestamps, map keys in a fixed order).
func TestDeterministic(t *testing.T) {
	a, _ := writeDocs(t, Options{}, fixtureDocs())
	b, _ := writeDocs(t, Options{}, fixtureDocs())
	for _, name := range []string{DocumentsFile, MentionsFile, ProblemsFile} {
		t.Run(name, func(t *testing.T) {
			x, err := os.ReadFile(filepath.Join(a, name))
			if err != nil {
				t.Fatal(err)
			}
			y, err := os.ReadFile(filepath.Join(b, name))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(x, y) {
				t.Errorf("two writes of %s differ (%d and %d bytes)", name, len(x), len(y))
			}
		})
	}
}

// manyMentions returns n documents of m number mentions each.
func manyMentions(n, m int) []*corpus.Document {
	const unit = "今年新增床位35张，"
	docs := make([]*corpus.Document, n)
	for i := range docs {
		d := &corpus.Document{ID: "doc" + string(rune('a'+i%26)) + strings.Repeat("x", i/26), Path: "p.txt", Item: i, Text: strings.Repeat(unit, m)}
		for j := range m {
			s := j*len(unit) + strings.Index(unit, "35")
			d.Mentions = append(d.Mentions, corpus.Mention{Kind: corpus.KindNumber, Span: corpus.Span{Start: s, End: s + len("35张")}, Value: "35", Unit: "张"})
		}
		docs[i] = d
	}
	return docs
}

// rowGroups returns the row counts of the row groups of a file.
func rowGroups(t *testing.T, path string) []int64 {
	t.Helper()
	rdr, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer rdr.Close()
	var n []int64
	for g := 0; g < rdr.NumRowGroups(); g++ {
		n = append(n, rdr.MetaData().RowGroup(g).NumRows())
	}
	return n
}

func TestRowGroupsBounded(t *testing.T) {
	tests := []struct {
		name           string
		opts           Options
		docs, mentions int
		wantDocGroups  []int64
		wantMenGroups  []int64
	}{
		{"rows", Options{RowGroupRows: 100}, 5, 60, []int64{5}, []int64{100, 100, 100}},
		{"one document longer than a group", Options{RowGroupRows: 100}, 1, 250, []int64{1}, []int64{100, 100, 50}},
		{"bytes", Options{RowGroupBytes: 1}, 3, 2, []int64{1, 1, 1}, []int64{2, 2, 2}},
		{"defaults", Options{}, 3, 4000, []int64{3}, []int64{10_000, 2000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, _ := writeDocs(t, tt.opts, manyMentions(tt.docs, tt.mentions))
			if got := rowGroups(t, filepath.Join(dir, DocumentsFile)); !reflect.DeepEqual(got, tt.wantDocGroups) {
				t.Errorf("documents row groups = %v; want %v", got, tt.wantDocGroups)
			}
			if got := rowGroups(t, filepath.Join(dir, MentionsFile)); !reflect.DeepEqual(got, tt.wantMenGroups) {
				t.Errorf("mentions row groups = %v; want %v", got, tt.wantMenGroups)
			}
		})
	}
}

func TestFinish(t *testing.T) {
	dir := t.TempDir()
	w, err := New(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(fixtureDocs()[0]); err != nil {
		t.Fatal(err)
	}
	if err := w.Finish(); err != nil {
		t.Fatalf("Finish() = %v; want nil", err)
	}
	if err := w.Finish(); err != nil {
		t.Errorf("second Finish() = %v; want nil", err)
	}
	if err := w.Add(fixtureDocs()[1]); !errors.Is(err, ErrFinished) {
		t.Errorf("Add after Finish = %v; want ErrFinished", err)
	}
	// Finish without any document still leaves three readable, empty tables.
	empty := t.TempDir()
	w, err = New(empty, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Finish(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{DocumentsFile, MentionsFile, ProblemsFile} {
		if _, rows := readTable(t, filepath.Join(empty, name)); len(rows) != 0 {
			t.Errorf("empty run: %s has %d rows; want 0", name, len(rows))
		}
	}
}

func TestNewError(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(filepath.Join(blocker, "out"), Options{}); err == nil {
		t.Errorf("New(under a file) = nil error; want an error")
	}
}

func TestInvalidDocument(t *testing.T) {
	const text = "全年门诊量达12万人次"
	tests := []struct {
		name string
		text string
		span corpus.Span
		want error
	}{
		{"past the end", text, corpus.Span{Start: 3, End: len(text) + 1}, ErrSpan},
		{"negative", text, corpus.Span{Start: -1, End: 3}, ErrSpan},
		{"reversed", text, corpus.Span{Start: 6, End: 3}, ErrSpan},
		{"inside a rune", text, corpus.Span{Start: 1, End: 6}, ErrSpan},
		{"end inside a rune", text, corpus.Span{Start: 0, End: 5}, ErrSpan},
		{"text not UTF-8", text + "\xba", corpus.Span{Start: 0, End: 3}, ErrText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := New(t.TempDir(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer w.Finish()
			doc := &corpus.Document{ID: "bad", Text: tt.text, Mentions: []corpus.Mention{{Kind: corpus.KindNumber, Span: tt.span}}}
			if err := w.Add(doc); !errors.Is(err, tt.want) {
				t.Errorf("Add(span %v of %q) = %v; want %v", tt.span, tt.text, err, tt.want)
			}
			if got := w.Counts()["documents"]; got != 0 {
				t.Errorf("documents written after an invalid document = %d; want 0", got)
			}
		})
	}
}

func TestEpochDays(t *testing.T) {
	tests := []struct {
		name string
		in   corpus.Date
		want any
	}{
		{"epoch", corpus.Date{Year: 1970, Month: 1, Day: 1}, int32(0)},
		{"before epoch", corpus.Date{Year: 1969, Month: 12, Day: 31}, int32(-1)},
		{"report date", corpus.Date{Year: 2023, Month: 6, Day: 1}, int32(19509)},
		{"leap day", corpus.Date{Year: 2024, Month: 2, Day: 29}, int32(19782)},
		{"unknown", corpus.Date{}, nil},
		{"month only", corpus.Date{Year: 2021, Month: 6}, nil},
		{"not a day", corpus.Date{Year: 2021, Month: 2, Day: 30}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got any
			if p := epochDays(tt.in); p != nil {
				got = *p
			}
			if got != tt.want {
				t.Errorf("epochDays(%v) = %v; want %v", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzMentionRows checks that any text and span is either refused with
// ErrText or ErrSpan, or turned into a row whose byte and code-point
// offsets select its text.
func FuzzMentionRows(f *testing.F) {
	f.Add("𠮷县于2023年召开", 4, 11)
	f.Add("全年门诊量达12万人次", 1, 6)
	f.Add("", 0, 0)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		doc := &corpus.Document{ID: "f", Text: text, Mentions: []corpus.Mention{{Kind: corpus.KindDate, Span: corpus.Span{Start: start, End: end}}}}
		if err := checkDocument(doc); err != nil {
			if !errors.Is(err, ErrSpan) && !errors.Is(err, ErrText) {
				t.Fatalf("checkDocument(%q, [%d,%d)) = %v; want ErrSpan or ErrText", text, start, end, err)
			}
			return
		}
		r := mentionRows(nil, doc)[0]
		if text[r.Start:r.End] != r.Text {
			t.Errorf("text[%d:%d] = %q; want %q", r.Start, r.End, text[r.Start:r.End], r.Text)
		}
		prefix := text[:r.Start]
		if want := int64(len([]rune(prefix))); r.StartChar != want {
			t.Errorf("start_char = %d; want %d", r.StartChar, want)
		}
		if want := r.StartChar + int64(len([]rune(r.Text))); r.EndChar != want {
			t.Errorf("end_char = %d; want %d", r.EndChar, want)
		}
	})
}

// TestReadRowTypes reads the tables back into the exported row types with
// parquet-go, the way Go readers of the output do.
func TestReadRowTypes(t *testing.T) {
	docs := fixtureDocs()
	dir, _ := writeDocs(t, Options{}, docs)
	got, err := parquet.ReadFile[DocumentRow](filepath.Join(dir, DocumentsFile))
	if err != nil {
		t.Fatalf("ReadFile(documents): %v", err)
	}
	for i, d := range docs {
		if want := documentRow(d); !reflect.DeepEqual(got[i], want) {
			t.Errorf("documents[%d] = %+v; want %+v", i, got[i], want)
		}
	}
	problems, err := parquet.ReadFile[ProblemRow](filepath.Join(dir, ProblemsFile))
	if err != nil {
		t.Fatalf("ReadFile(problems): %v", err)
	}
	if len(problems) != 2 || problems[0].Offset != nil || problems[1].Offset == nil || *problems[1].Offset != 9 {
		t.Errorf("problems offsets = %+v; want [nil, 9]", problems)
	}
}

// TestInitiatives: one row per canonical name across documents, with its
// surface forms, counts and the span of document dates.
func TestInitiatives(t *testing.T) {
	doc := func(id, text string, d corpus.Date, surfaces ...string) *corpus.Document {
		doc := &corpus.Document{ID: id, Path: id + ".txt", Text: text, Date: d}
		for _, s := range surfaces {
			doc.Mentions = append(doc.Mentions, mention(text, corpus.KindInitiative, s, corpus.Mention{Value: "健康守门人", Type: "project"}))
		}
		doc.Mentions = append(doc.Mentions, mention(text, corpus.KindInitiative, "义诊周", corpus.Mention{Value: "义诊周", Type: "activity"}))
		return doc
	}
	docs := []*corpus.Document{
		doc("a", "实施“健康守门人”工程，开展义诊周。", corpus.Date{Year: 2022, Month: 5, Day: 3}, "“健康守门人”工程"),
		doc("b", "“健康守\n门人”成效明显；健康守门人覆盖全县，义诊周结束。", corpus.Date{Year: 2021}, "“健康守\n门人”", "健康守门人"),
		doc("c", "义诊周启动，健康守门人工程验收。", corpus.Date{Year: 2023, Month: 1, Day: 9}, "健康守门人工程"),
	}
	dir, _ := writeDocs(t, Options{}, docs)
	_, rows := readTable(t, filepath.Join(dir, InitiativesFile))
	if len(rows) != 2 {
		t.Fatalf("initiatives = %v; want 2 rows", rows)
	}
	got := rows[0]
	want := map[string]any{
		"name": "健康守门人", "type": "project", "documents": int64(3), "mentions": int64(4),
		"aliases":    "[“健康守门人” “健康守门人”工程 健康守门人 健康守门人工程]",
		"first_date": "2022-05-03", "last_date": "2023-01-09", "first_year": int32(2021), "last_year": int32(2023),
	}
	for k, v := range want {
		if fmt.Sprint(got[k]) != fmt.Sprint(v) {
			t.Errorf("initiatives.%s = %v; want %v", k, got[k], v)
		}
	}
	if rows[0]["name"] != "健康守门人" {
		t.Errorf("first row = %v; want 健康守门人 (more mentions than 义诊周 at equal documents)", rows[0]["name"])
	}
}

// TestEntities: one row per kind and canonical name across documents,
// with the surface forms that met in it; a place and an organisation
// sharing a name stay two rows.
func TestEntities(t *testing.T) {
	org := func(text, surface, value string) corpus.Mention {
		return mention(text, corpus.KindOrg, surface, corpus.Mention{Value: value})
	}
	a := &corpus.Document{ID: "a", Path: "a.txt", Text: "中央政治局召开会议，青山市代表出席。"}
	a.Mentions = []corpus.Mention{org(a.Text, "中央政治局", "中共中央政治局"),
		mention(a.Text, corpus.KindPlace, "青山市", corpus.Mention{Value: "青山市"})}
	b := &corpus.Document{ID: "b", Path: "b.txt", Text: "中共中央政治局常委会听取汇报，中共中央政治局决定。青山市"}
	b.Mentions = []corpus.Mention{org(b.Text, "中共中央政治局常委会", "中共中央政治局常务委员会"),
		org(b.Text, "中共中央政治局", "中共中央政治局"),
		mention(b.Text, corpus.KindOrg, "青山市", corpus.Mention{Value: "青山市"})}
	dir, _ := writeDocs(t, Options{}, []*corpus.Document{a, b})
	_, rows := readTable(t, filepath.Join(dir, EntitiesFile))
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%v %v %v %v/%v", r["kind"], r["name"], r["aliases"], r["documents"], r["mentions"]))
	}
	want := []string{
		"org 中共中央政治局 [中共中央政治局 中央政治局] 2/2",
		"org 中共中央政治局常务委员会 [中共中央政治局常委会] 1/1",
		"org 青山市 [青山市] 1/1",
		"place 青山市 [青山市] 1/1",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("entities =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestEmptyIsNullEverywhere: an empty optional string is null in every
// row, also after a row where the column has a value (parquet-go writes
// the zero value of a non-pointer optional field as "" there).
func TestEmptyIsNullEverywhere(t *testing.T) {
	text := "共完成14项，投资530多亿元。"
	doc := &corpus.Document{ID: "d", Path: "d.txt", Text: text}
	for _, noun := range []string{"", "工程", "", ""} {
		doc.Mentions = append(doc.Mentions, mention(text, corpus.KindNumber, "14项", corpus.Mention{Value: "14", Noun: noun}))
	}
	dir, _ := writeDocs(t, Options{}, []*corpus.Document{doc})
	_, rows := readTable(t, filepath.Join(dir, MentionsFile))
	var got []any
	for _, r := range rows {
		got = append(got, r["noun"])
	}
	if fmt.Sprint(got) != "[<nil> 工程 <nil> <nil>]" && fmt.Sprint(got) != "[<nil> <nil> <nil> 工程]" {
		t.Errorf("noun column = %v; want null for every empty noun", got)
	}
}
