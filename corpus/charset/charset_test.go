package charset_test

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/baogao/baogao/corpus/charset"
)

// Original sentences in the style of the reports: a simplified work report
// (with CRLF line ends, which Decode must keep) and a traditional one.
const (
	simplifiedReport = "2023年，全院坚持以人民健康为中心，门诊服务量达到一百二十万人次，同比增长百分之八。\r\n" +
		"医院组织专家团队深入基层开展义诊活动，为群众办实事、解难题，切实提高了群众的满意度。\r\n" +
		"下一步，我们将继续推进智慧医院建设，完善预约诊疗制度，让患者少跑腿、好办事。\r\n"
	traditionalReport = "本年度市政府持續推動社區長照服務，全市新設日間照顧中心十二處，服務長者逾三千人次。\n" +
		"各區公所並與醫療機構合作，定期舉辦健康講座，協助民眾了解防疫與保健知識。\n"
	// hanOnly has no ASCII at all, so in UTF-16 it has no NUL byte either.
	hanOnly = "全县各级干部深入农村调查研究，帮助群众解决实际困难，推动经济社会发展取得新的成绩。" +
		"今年以来，我们加强公共服务体系建设，提高教育医疗水平，人民生活得到明显改善。"
)

var (
	utf16LE = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf16BE = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
)

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s[:min(len(s), 30)], err)
	}
	return b
}

// dropEvery returns b without every nth byte.
func dropEvery(b []byte, n int) []byte {
	var out []byte
	for i, c := range b {
		if i%n != n-1 {
			out = append(out, c)
		}
	}
	return out
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

func TestDecode(t *testing.T) {
	gb := encode(t, simplifiedchinese.GB18030, simplifiedReport)
	tests := []struct {
		name     string
		in       []byte
		text     string
		enc      string
		bom      bool
		replaced int
	}{
		{"empty", nil, "", charset.UTF8, false, 0},
		{"ascii", []byte("Annual report 2023\n"), "Annual report 2023\n", charset.UTF8, false, 0},
		{"utf-8", []byte(simplifiedReport), simplifiedReport, charset.UTF8, false, 0},
		{"utf-8 bom", cat([]byte("\xEF\xBB\xBF"), []byte(simplifiedReport)), simplifiedReport, charset.UTF8, true, 0},
		{"utf-8 with its own U+FFFD", []byte("收到来信" + "\uFFFD" + "件。"), "收到来信\uFFFD件。", charset.UTF8, false, 0},
		{"utf-16le bom", cat([]byte{0xFF, 0xFE}, encode(t, utf16LE, simplifiedReport)), simplifiedReport, charset.UTF16LE, true, 0},
		{"utf-16be bom", cat([]byte{0xFE, 0xFF}, encode(t, utf16BE, simplifiedReport)), simplifiedReport, charset.UTF16BE, true, 0},
		{"utf-16le", encode(t, utf16LE, simplifiedReport), simplifiedReport, charset.UTF16LE, false, 0},
		{"utf-16be", encode(t, utf16BE, simplifiedReport), simplifiedReport, charset.UTF16BE, false, 0},
		{"utf-16le han only", encode(t, utf16LE, hanOnly), hanOnly, charset.UTF16LE, false, 0},
		{"utf-16be han only", encode(t, utf16BE, hanOnly), hanOnly, charset.UTF16BE, false, 0},
		{"gb18030", gb, simplifiedReport, charset.GB18030, false, 0},
		{"gb18030 truncated", gb[:len(gb)-1-len("\r\n")], strings.TrimSuffix(simplifiedReport, "。\r\n") + "\uFFFD", charset.GB18030, false, 1},
		{"gb18030 four-byte", encode(t, simplifiedchinese.GB18030, "Café crème brûlée à la carte.\n"), "Café crème brûlée à la carte.\n", charset.GB18030, false, 0},
		{"big5", encode(t, traditionalchinese.Big5, traditionalReport), traditionalReport, charset.Big5, false, 0},
		{"hz-gb-2312", encode(t, simplifiedchinese.HZGB2312, simplifiedReport), simplifiedReport, charset.HZGB2312, false, 0},
		{"ascii with tilde braces", []byte("if (ok) ~{ x = 1; ~}\n"), "if (ok) ~{ x = 1; ~}\n", charset.UTF8, false, 0},
		{"short utf-8 with a latin-1 byte", []byte("2023年3月5日 caf\xe9\n"), "2023年3月5日 caf\uFFFD\n", charset.UTF8, false, 1},
		{"utf-8 one bad byte", []byte(simplifiedReport[:10] + "\xFF" + simplifiedReport[10:]), simplifiedReport[:10] + "\uFFFD" + simplifiedReport[10:], charset.UTF8, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.Contains(tt.name, "han only") && bytes.IndexByte(tt.in, 0) >= 0 {
				t.Fatalf("test input has a NUL byte; the case is meant to have none")
			}
			got, err := charset.Decode(tt.in)
			if err != nil {
				t.Fatalf("Decode(%q) error: %v", tt.in, err)
			}
			if got.Text != tt.text || got.Encoding != tt.enc || got.BOM != tt.bom || got.Replaced != tt.replaced {
				t.Errorf("Decode(%q) = {%q %s bom=%v replaced=%d}; want {%q %s bom=%v replaced=%d}",
					tt.in, got.Text, got.Encoding, got.BOM, got.Replaced, tt.text, tt.enc, tt.bom, tt.replaced)
			}
			if got.Confidence <= 0 || got.Confidence > 1 {
				t.Errorf("Decode(%q).Confidence = %v; want in (0, 1]", tt.in, got.Confidence)
			}
		})
	}
}

// TestConfidence checks that confidence follows the evidence: full for
// valid UTF-8, lower for a legacy guess made on a few characters.
func TestConfidence(t *testing.T) {
	long, err := charset.Decode(encode(t, simplifiedchinese.GB18030, simplifiedReport))
	if err != nil {
		t.Fatal(err)
	}
	short, err := charset.Decode(encode(t, simplifiedchinese.GB18030, "Total: 12 (单位)"))
	if err != nil {
		t.Fatal(err)
	}
	if short.Confidence >= long.Confidence {
		t.Errorf("Confidence(short) = %v, Confidence(long) = %v; want short < long", short.Confidence, long.Confidence)
	}
	if long.Confidence < 0.9 {
		t.Errorf("Confidence(long gb18030 report) = %v; want >= 0.9", long.Confidence)
	}
}

func TestDecodeErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int, lo, hi byte) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = lo + byte(rng.IntN(int(hi-lo)+1))
		}
		return b
	}
	png := cat([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00\x00\x00\x00\xc8\x08\x06\x00\x00\x00"), random(2000, 0, 255))
	tests := []struct {
		name string
		in   []byte
		want []error // any of these
	}{
		{"random bytes", random(4096, 0, 255), []error{charset.ErrBinary, charset.ErrUndecodable}},
		{"random high bytes", random(4096, 0x80, 0xFF), []error{charset.ErrUndecodable}},
		{"png", png, []error{charset.ErrBinary}},
		{"utf-8 with nul", []byte("全年完成投资\x00三亿元。"), []error{charset.ErrBinary}},
		{"control heavy", bytes.Repeat([]byte("ab\x01\x02\x03\x1b"), 100), []error{charset.ErrBinary}},
		{"utf-8 missing every 20th byte", dropEvery([]byte(simplifiedReport), 20), []error{charset.ErrUndecodable}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := charset.Decode(tt.in)
			ok := false
			for _, w := range tt.want {
				ok = ok || errors.Is(err, w)
			}
			if !ok {
				t.Errorf("Decode(%q) = %s %q, %v; want error %v", tt.in[:min(len(tt.in), 16)], got.Encoding, got.Text[:min(len(got.Text), 40)], err, tt.want)
			}
		})
	}
}

func TestDecodeAs(t *testing.T) {
	gb := encode(t, simplifiedchinese.GB18030, simplifiedReport)
	tests := []struct {
		name, encoding string
		in             []byte
		text, enc      string
		bom            bool
	}{
		{"gbk alias", "GBK", gb, simplifiedReport, charset.GB18030, false},
		{"gb2312 alias", "gb2312", gb, simplifiedReport, charset.GB18030, false},
		{"cp950 alias", "cp950", encode(t, traditionalchinese.Big5, traditionalReport), traditionalReport, charset.Big5, false},
		{"utf-16le drops bom", "utf-16le", cat([]byte{0xFF, 0xFE}, encode(t, utf16LE, hanOnly)), hanOnly, charset.UTF16LE, true},
		{"utf-8 drops bom", "UTF-8", []byte("\xEF\xBB\xBF" + hanOnly), hanOnly, charset.UTF8, true},
		{"hz", "hz", encode(t, simplifiedchinese.HZGB2312, hanOnly), hanOnly, charset.HZGB2312, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := charset.DecodeAs(tt.in, tt.encoding)
			if err != nil {
				t.Fatalf("DecodeAs(%q, %q) error: %v", tt.in, tt.encoding, err)
			}
			if got.Text != tt.text || got.Encoding != tt.enc || got.BOM != tt.bom || got.Replaced != 0 {
				t.Errorf("DecodeAs(%q, %q) = {%q %s bom=%v replaced=%d}; want {%q %s bom=%v replaced=0}",
					tt.in, tt.encoding, got.Text, got.Encoding, got.BOM, got.Replaced, tt.text, tt.enc, tt.bom)
			}
		})
	}

	t.Run("wrong encoding is not an error", func(t *testing.T) {
		got, err := charset.DecodeAs([]byte(simplifiedReport), "utf-16be")
		if err != nil || got.Text == simplifiedReport || !utf8.ValidString(got.Text) {
			t.Errorf("DecodeAs(utf-8 text, utf-16be) = %q, %v; want a different valid string, no error", got.Text, err)
		}
	})
	t.Run("lossy forced decoding counts replacements", func(t *testing.T) {
		got, err := charset.DecodeAs([]byte("年\xFF度"), "utf-8")
		if err != nil || got.Replaced != 1 {
			t.Errorf("DecodeAs(%q, utf-8) = %+v, %v; want Replaced 1", "年\xFF度", got, err)
		}
	})
	t.Run("unknown name", func(t *testing.T) {
		_, err := charset.DecodeAs(gb, "ebcdic")
		if !errors.Is(err, charset.ErrUnknownEncoding) {
			t.Errorf("DecodeAs(_, %q) error = %v; want ErrUnknownEncoding", "ebcdic", err)
		}
	})
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(simplifiedReport))
	f.Add(encode(f, simplifiedchinese.GB18030, simplifiedReport))
	f.Add(encode(f, traditionalchinese.Big5, traditionalReport))
	f.Add(encode(f, simplifiedchinese.HZGB2312, hanOnly))
	f.Add(encode(f, utf16LE, simplifiedReport))
	f.Add(encode(f, utf16BE, hanOnly))
	f.Add([]byte("\xFF\xFE\x00"))
	f.Add([]byte("~{~}~{"))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := charset.Decode(b)
		if err != nil {
			if !errors.Is(err, charset.ErrBinary) && !errors.Is(err, charset.ErrUndecodable) {
				t.Fatalf("Decode(%q) error %v wraps neither ErrBinary nor ErrUndecodable", b, err)
			}
			return
		}
		if !utf8.ValidString(got.Text) {
			t.Fatalf("Decode(%q).Text = %q; not valid UTF-8", b, got.Text)
		}
		if got.Encoding == "" || got.Confidence < 0 || got.Confidence > 1 {
			t.Fatalf("Decode(%q) = encoding %q confidence %v; want a name and confidence in [0, 1]", b, got.Encoding, got.Confidence)
		}
		if n := strings.Count(got.Text, "\uFFFD"); got.Replaced < 0 || got.Replaced > n {
			t.Fatalf("Decode(%q).Replaced = %d; want in [0, %d]", b, got.Replaced, n)
		}
	})
}
