package charset_test

import (
	"path/filepath"
	"testing"

	"github.com/baogao/baogao/corpus/charset"
)

// BenchmarkDecode measures detection plus decoding per encoding on the
// shared corpus files (and transcodings of them), so -bench prints MB/s of
// input for each.
func BenchmarkDecode(b *testing.B) {
	text := filepath.Join(encodingsDir, "golang-text")
	sunzi := func(b *testing.B) string { return string(readShared(b, text, "sunzi-bingfa-simplified-utf-8.txt")) }
	inputs := []struct {
		name string
		read func(b *testing.B) []byte
	}{
		{"utf-8", func(b *testing.B) []byte { return readShared(b, text, "sunzi-bingfa-simplified-utf-8.txt") }},
		{"utf-8-seed", func(b *testing.B) []byte { return readShared(b, seedsDir, "000_50101eb0aab7898d.txt") }},
		{"gbk", func(b *testing.B) []byte { return readShared(b, text, "sunzi-bingfa-simplified-gbk.txt") }},
		{"gb2312-87k", func(b *testing.B) []byte {
			return readShared(b, filepath.Join(encodingsDir, "chardet-gb2312"), "softsea.net.xml")
		}},
		{"gb18030-latin", func(b *testing.B) []byte { return readShared(b, text, "candide-gb18030.txt") }},
		{"big5", func(b *testing.B) []byte { return readShared(b, text, "sunzi-bingfa-traditional-big5.txt") }},
		{"hz-gb-2312", func(b *testing.B) []byte { return readShared(b, text, "sunzi-bingfa-gb-levels-1-and-2-hz-gb2312.txt") }},
		{"utf-16le-latin", func(b *testing.B) []byte { return readShared(b, text, "candide-utf-16le.txt") }},
		{"utf-16be", func(b *testing.B) []byte { return encode(b, utf16BE, sunzi(b)) }},
		{"utf-16le-no-nul", func(b *testing.B) []byte { return encode(b, utf16LE, nonASCII(sunzi(b), 0x100)) }},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			data := in.read(b)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := charset.Decode(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
