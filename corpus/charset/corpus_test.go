package charset_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/baogao/baogao/corpus/charset"
	"github.com/baogao/baogao/corpus/corpustest"
)

// The shared test corpora, relative to this package's directory.
var (
	encodingsDir = filepath.Join("..", "..", "..", "shared", "corpus", "encodings")
	seedsDir     = filepath.Join("..", "..", "..", "shared", "corpus", "seeds")
)

func readShared(t testing.TB, dir, name string) []byte {
	t.Helper()
	corpustest.Shared(t) // skips on a machine without ../shared, fails in CI
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestTwins decodes each legacy file of golang-text and compares it with its
// UTF-8 twin byte for byte.
func TestTwins(t *testing.T) {
	tests := []struct{ file, twin, enc string }{
		{"sunzi-bingfa-simplified-gbk.txt", "sunzi-bingfa-simplified-utf-8.txt", charset.GB18030},
		{"sunzi-bingfa-gb-levels-1-and-2-hz-gb2312.txt", "sunzi-bingfa-gb-levels-1-and-2-utf-8.txt", charset.HZGB2312},
		// Needs the CP950 extensions (F9 D8 is 裏), which x/text's Big5 has.
		{"sunzi-bingfa-traditional-big5.txt", "sunzi-bingfa-traditional-utf-8.txt", charset.Big5},
		{"candide-gb18030.txt", "candide-utf-8.txt", charset.GB18030},
		{"candide-utf-16le.txt", "candide-utf-8.txt", charset.UTF16LE},
		{"candide-utf-8.txt", "candide-utf-8.txt", charset.UTF8},
	}
	dir := filepath.Join(encodingsDir, "golang-text")
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, twin := readShared(t, dir, tt.file), readShared(t, dir, tt.twin)
			got, err := charset.Decode(b)
			if err != nil {
				t.Fatalf("Decode(%s) error: %v", tt.file, err)
			}
			if got.Encoding != tt.enc || got.Replaced != 0 || got.BOM {
				t.Errorf("Decode(%s) = {%s bom=%v replaced=%d}; want {%s bom=false replaced=0}", tt.file, got.Encoding, got.BOM, got.Replaced, tt.enc)
			}
			if got.Text != string(twin) {
				t.Errorf("Decode(%s).Text differs from %s at byte %d", tt.file, tt.twin, firstDiff(got.Text, string(twin)))
			}
		})
	}
}

func firstDiff(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestGB2312 checks that every chardet GB2312 feed is detected as GB18030,
// of which GB2312 is a subset, and decodes without loss.
func TestGB2312(t *testing.T) {
	dir := filepath.Join(encodingsDir, "chardet-gb2312")
	corpustest.Shared(t) // skips on a machine without ../shared, fails in CI
	files, err := filepath.Glob(filepath.Join(dir, "*.*ml"))
	if err != nil || len(files) < 20 {
		t.Fatalf("Glob(%s) = %d files, %v; want 20", dir, len(files), err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			got, err := charset.Decode(readShared(t, dir, filepath.Base(f)))
			if err != nil || got.Encoding != charset.GB18030 || got.Replaced != 0 {
				t.Errorf("Decode(%s) = {%s replaced=%d}, %v; want {gb18030 replaced=0}", filepath.Base(f), got.Encoding, got.Replaced, err)
			}
		})
	}
}

// TestUTF16Files checks the chardet UTF-16 files, with and without BOM. They
// are English, so the text is checked by a marker each contains.
func TestUTF16Files(t *testing.T) {
	tests := []struct {
		file, enc string
		bom       bool
		marker    string
	}{
		{"UTF-16/bom-utf-16-be.srt", charset.UTF16BE, true, " --> "},
		{"UTF-16/bom-utf-16-le.srt", charset.UTF16LE, true, " --> "},
		{"UTF-16LE/nobom-utf16le.txt", charset.UTF16LE, false, ","},
		{"UTF-16BE/nobom-utf16be.txt", charset.UTF16BE, false, ","},
		{"UTF-16LE/plane1-utf-16le.html", charset.UTF16LE, false, "<html"},
		{"UTF-16BE/plane1-utf-16be.html", charset.UTF16BE, false, "<html"},
	}
	dir := filepath.Join(encodingsDir, "chardet-utf16")
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := charset.Decode(readShared(t, dir, tt.file))
			if err != nil {
				t.Fatalf("Decode(%s) error: %v", tt.file, err)
			}
			if got.Encoding != tt.enc || got.BOM != tt.bom || got.Replaced != 0 {
				t.Errorf("Decode(%s) = {%s bom=%v replaced=%d}; want {%s bom=%v replaced=0}", tt.file, got.Encoding, got.BOM, got.Replaced, tt.enc, tt.bom)
			}
			if !strings.Contains(strings.ToLower(got.Text), tt.marker) || strings.HasPrefix(got.Text, "\uFEFF") {
				t.Errorf("Decode(%s).Text = %.60q…; want it to contain %q and no BOM", tt.file, got.Text, tt.marker)
			}
		})
	}
}

// TestTranscoded encodes real Chinese UTF-8 text at test time into
// BOM-less UTF-16 and GB18030 and checks that Decode finds it again. The
// "han only" variants drop ASCII, so the UTF-16 has only the few zero bytes
// of characters like 一 (U+4E00), too few for the byte-order pattern; "no
// zero byte" drops those too, so only scoring can find the byte order.
func TestTranscoded(t *testing.T) {
	var texts []string
	for _, name := range []string{"000_50101eb0aab7898d.txt", "003_04b2cdd8770e71ea.txt"} {
		texts = append(texts, string(readShared(t, seedsDir, name)))
	}
	texts = append(texts, string(readShared(t, filepath.Join(encodingsDir, "golang-text"), "sunzi-bingfa-traditional-utf-8.txt")))
	for i, text := range texts {
		for _, variant := range []struct {
			name string
			text string
		}{{"full", text}, {"han only", nonASCII(text, 0x80)}, {"no zero byte", nonASCII(text, 0x100)}} {
			for _, e := range []struct {
				name string
				enc  func(testing.TB, string) []byte
			}{
				{charset.UTF16LE, func(t testing.TB, s string) []byte { return encode(t, utf16LE, s) }},
				{charset.UTF16BE, func(t testing.TB, s string) []byte { return encode(t, utf16BE, s) }},
				{charset.GB18030, func(t testing.TB, s string) []byte { return encode(t, simplifiedchinese.GB18030, s) }},
			} {
				name := filepath.Join(string(rune('a'+i)), variant.name, e.name)
				t.Run(name, func(t *testing.T) {
					b := e.enc(t, variant.text)
					if variant.name == "no zero byte" && bytes.IndexByte(b, 0) >= 0 {
						t.Fatalf("test input has a NUL byte; the case is meant to have none")
					}
					got, err := charset.Decode(b)
					if err != nil || got.Encoding != e.name || got.Text != variant.text {
						t.Errorf("Decode(%.20q… as %s) = {%s %.30q…}, %v; want {%s %.30q…}", b, e.name, got.Encoding, got.Text, err, e.name, variant.text)
					}
				})
			}
		}
	}
}

// nonASCII returns s without the characters below lo and, when lo is past
// 0xFF, without those whose UTF-16 code unit has a zero low byte (一 U+4E00).
func nonASCII(s string, lo rune) string {
	return strings.Map(func(r rune) rune {
		if r < lo || lo > 0xFF && r&0xFF == 0 {
			return -1
		}
		return r
	}, s)
}
