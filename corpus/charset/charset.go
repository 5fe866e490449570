package charset

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names, as stored in Result.Encoding and corpus.Document.Encoding.
// They are the WHATWG labels of the encodings, lower-case.
const (
	UTF8     = "utf-8"
	UTF16LE  = "utf-16le"
	UTF16BE  = "utf-16be"
	GB18030  = "gb18030" // also GBK and GB2312, which it contains
	Big5     = "big5"    // with the CP950 (ETEN) and HKSCS extensions
	HZGB2312 = "hz-gb-2312"
)

// Errors wrapped by Decode and DecodeAs; test with errors.Is.
var (
	// ErrBinary means the bytes are not text: NUL bytes outside UTF-16, or
	// too many control characters.
	ErrBinary = errors.New("charset: binary data")
	// ErrUndecodable means every candidate encoding decodes the bytes badly.
	ErrUndecodable = errors.New("charset: no encoding decodes the data cleanly")
	// ErrUnknownEncoding means DecodeAs was given a name it does not know.
	ErrUnknownEncoding = errors.New("charset: unknown encoding")
)

// Result is a decoded file.
type Result struct {
	Text     string // decoded UTF-8; the BOM is dropped, line endings are kept as they were
	Encoding string // one of the names UTF8 … HZGB2312
	BOM      bool   // the bytes began with a byte order mark

	// Confidence is in [0, 1]: 1 for a BOM, strictly valid UTF-8 or a forced
	// encoding; lower when the best candidate beat the next one by a small
	// margin or decoded with losses.
	Confidence float64

	// Replaced counts the U+FFFD that decoding produced for bytes it could not
	// map; a U+FFFD that the input itself encodes is not counted.
	Replaced int
}

// Bad-decoding thresholds. A decoding that loses a few characters is still
// the document: a damaged byte, a truncated last character or a stray
// Latin-1 é costs one U+FFFD each, and the rest of the text is worth
// analysing (the document is marked partial). One lost character in ten,
// beyond the first couple, means the bytes are mostly not text in this
// encoding. Wrong encodings show mostly as control and unassigned
// characters, judged far more strictly.
const (
	maxReplacedPer100 = 10 // replacement characters per 100 runes, beyond maxReplacedAny
	maxReplacedAny    = 2  // replacement characters accepted whatever the length
	maxJunkPer100     = 2  // control and unassigned characters per 100 runes
	maxCtrlPer100UTF8 = 5  // control characters per 100 bytes of valid UTF-8
)

// Candidates are compared on a sample of firstSample bytes, growing it
// fourfold up to sampleSize while no candidate wins by marginFull; only the
// winner decodes the whole file. 4 KiB of Chinese is some two thousand
// characters, usually far more evidence than the choice needs.
const (
	firstSample = 4 << 10
	sampleSize  = 64 << 10
)

var bomUTF8 = []byte("\xEF\xBB\xBF")

// Decode detects the encoding of b and decodes it to UTF-8. Empty input is a
// Result with empty Text and Encoding UTF8. Errors wrap ErrBinary or
// ErrUndecodable.
func Decode(b []byte) (Result, error) {
	switch {
	case len(b) == 0:
		return Result{Encoding: UTF8, Confidence: 1}, nil
	case bytes.HasPrefix(b, bomUTF8):
		return decodeBOM(b[len(bomUTF8):], codecUTF8)
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeBOM(b[2:], codecUTF16LE)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeBOM(b[2:], codecUTF16BE)
	case bytes.IndexByte(b, 0) >= 0:
		return decodeNUL(b)
	case utf8.Valid(b):
		return decodeValidUTF8(b)
	}
	return decodeScored(b, legacyCandidates, ErrUndecodable)
}

// DecodeAs decodes b with the named encoding, for a user who knows better
// than the detector. Names are case-insensitive and include common aliases
// ("gbk", "gb2312", "cp936" → gb18030; "cp950" → big5; "hz" → hz-gb-2312).
// A BOM matching the encoding is dropped. The decoding is returned however
// poor it is, with Confidence 1 and Replaced counted; the only error wraps
// ErrUnknownEncoding.
func DecodeAs(b []byte, name string) (Result, error) {
	c, ok := codecByName[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return Result{}, fmt.Errorf("%w: %q", ErrUnknownEncoding, name)
	}
	r := Result{Encoding: c.name, Confidence: 1}
	if bom := c.bom; bom != nil && bytes.HasPrefix(b, bom) {
		b, r.BOM = b[len(bom):], true
	}
	text, err := c.decode(b)
	if err != nil {
		return Result{}, fmt.Errorf("charset: decode as %s: %w", c.name, err)
	}
	r.Text, r.Replaced = text, replaced(text, c, b)
	return r, nil
}

// decodeBOM decodes what follows a byte order mark with the codec it names.
func decodeBOM(b []byte, c *codec) (Result, error) {
	r, err := decodeWith(b, c, 1, ErrUndecodable)
	if err != nil {
		return Result{}, err
	}
	r.BOM = true
	return r, nil
}

// decodeValidUTF8 handles strictly valid UTF-8, which is also every 7-bit
// file: HZ-GB-2312 is 7-bit, so a file with its escapes is tried as HZ first.
func decodeValidUTF8(b []byte) (Result, error) {
	if ctrl := countControlBytes(b); ctrl*100 > maxCtrlPer100UTF8*len(b) {
		return Result{}, fmt.Errorf("%w: %d control characters in %d bytes", ErrBinary, ctrl, len(b))
	}
	if isASCII(b) && bytes.Contains(b, []byte("~{")) {
		if r, ok := tryHZ(b); ok {
			return r, nil
		}
	}
	return Result{Text: string(b), Encoding: UTF8, Confidence: 1}, nil
}

// tryHZ accepts b as HZ-GB-2312 when it decodes without loss to mostly
// common Chinese characters: "~{" also occurs in ASCII text (TeX, code).
func tryHZ(b []byte) (Result, bool) {
	text, err := codecHZ.decode(b)
	if err != nil {
		return Result{}, false
	}
	s := measure(text)
	if s.repl > 0 || s.han == 0 || s.verdict() != "" {
		return Result{}, false
	}
	return Result{Text: text, Encoding: HZGB2312, Confidence: s.quality()}, true
}

// decodeNUL handles input with NUL bytes: UTF-16 or binary. ASCII-heavy
// UTF-16 puts its zero bytes at odd offsets (little-endian) or even ones
// (big-endian); when that pattern is clear it decides, otherwise both byte
// orders are scored as CJK-heavy UTF-16 has few zero bytes.
func decodeNUL(b []byte) (Result, error) {
	even, odd := zeroParity(b)
	var cands []*codec
	switch {
	case odd >= 4*even && odd*20 >= len(b)/2:
		cands = []*codec{codecUTF16LE}
	case even >= 4*odd && even*20 >= len(b)/2:
		cands = []*codec{codecUTF16BE}
	default:
		cands = []*codec{codecUTF16LE, codecUTF16BE}
	}
	return decodeScored(b, cands, ErrBinary)
}

// decodeScored decodes growing samples of b with every candidate until one
// wins clearly or the samples reach sampleSize, then decodes b in full with
// the cheapest candidate (the first on a tie). A poor best decoding is an
// error wrapping fail.
func decodeScored(b []byte, cands []*codec, fail error) (Result, error) {
	var r ranking
	for size := firstSample; ; size *= 4 {
		r = rank(b[:min(len(b), size)], cands)
		if r.margin >= marginFull || size >= len(b) || size >= sampleSize {
			break
		}
	}
	if r.best < 0 {
		return Result{}, fmt.Errorf("%w: no candidate decoder ran", fail)
	}
	c, margin := cands[r.best], marginConfidence(r.margin)
	if r.n == len(b) {
		return finish(b, c, r.text, margin, fail)
	}
	return decodeWith(b, c, margin, fail)
}

// ranking is the outcome of scoring the candidates on one sample.
type ranking struct {
	best   int     // index of the cheapest candidate; -1 when none decoded
	text   string  // its decoding of the sample
	margin float64 // runner-up's cost minus the best's; +Inf with one candidate
	n      int     // sample length in bytes
}

func rank(sample []byte, cands []*codec) ranking {
	r := ranking{best: -1, n: len(sample)}
	bestCost, secondCost := inf, inf
	for i, c := range cands {
		text, err := c.decode(sample)
		if err != nil {
			continue
		}
		switch cost := measure(text).cost(); {
		case cost < bestCost:
			bestCost, secondCost = cost, bestCost
			r.best, r.text = i, text
		case cost < secondCost:
			secondCost = cost
		}
	}
	r.margin = secondCost - bestCost
	return r
}

// decodeWith decodes all of b with c and judges the result.
func decodeWith(b []byte, c *codec, margin float64, fail error) (Result, error) {
	text, err := c.decode(b)
	if err != nil {
		return Result{}, fmt.Errorf("%w: %s: %v", fail, c.name, err)
	}
	return finish(b, c, text, margin, fail)
}

// finish builds the Result for text, decoded from b with c, or the error
// wrapping fail when the decoding is too poor to use.
func finish(b []byte, c *codec, text string, margin float64, fail error) (Result, error) {
	s := measure(text)
	s.repl = replaced(text, c, b)
	if why := s.verdict(); why != "" {
		return Result{}, fmt.Errorf("%w: best candidate %s: %s", fail, c.name, why)
	}
	return Result{Text: text, Encoding: c.name, Confidence: s.quality() * margin, Replaced: s.repl}, nil
}

// marginConfidence maps the cost difference between the best and the
// runner-up candidate to a factor in [0.5, 1]. The difference is a total,
// not a rate, because it is evidence: a wrong decoding of Chinese costs about
// two points per character more than the right one, so a line of text
// settles the question while two characters leave it open.
func marginConfidence(diff float64) float64 {
	return 0.5 + 0.5*min(1, max(0, diff)/marginFull)
}

// marginFull is the cost difference that gives full confidence.
const marginFull = 50

// replaced counts the U+FFFD in text that c produced for undecodable bytes
// of b, not counting those b itself encodes.
func replaced(text string, c *codec, b []byte) int {
	return max(0, strings.Count(text, "\uFFFD")-c.nativeFFFD(b))
}

// codec is one candidate encoding.
type codec struct {
	name string
	enc  encoding.Encoding
	bom  []byte // the byte order mark DecodeAs drops, or nil

	// nativeFFFD counts how often b encodes U+FFFD itself.
	nativeFFFD func(b []byte) int
}

func (c *codec) decode(b []byte) (string, error) {
	out, err := c.enc.NewDecoder().Bytes(b)
	return string(out), err
}

var (
	codecUTF8 = &codec{UTF8, unicode.UTF8, bomUTF8, countSeq("\xEF\xBF\xBD")}
	// IgnoreBOM: Decode has already dropped the BOM, and a U+FEFF further on
	// is text (a zero-width no-break space), not a byte order switch.
	codecUTF16LE = &codec{UTF16LE, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), []byte{0xFF, 0xFE}, countUnit(0xFD, 0xFF)}
	codecUTF16BE = &codec{UTF16BE, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), []byte{0xFE, 0xFF}, countUnit(0xFF, 0xFD)}
	codecGB18030 = &codec{GB18030, simplifiedchinese.GB18030, nil, countSeq("\x84\x31\xA4\x37")}
	// x/text's Big5 is the WHATWG one: CP950/ETEN extensions (F9D6–F9FE)
	// and HKSCS included, no mapping to U+FFFD.
	codecBig5 = &codec{Big5, traditionalchinese.Big5, nil, countNone}
	codecHZ   = &codec{HZGB2312, simplifiedchinese.HZGB2312, nil, countNone}
)

// legacyCandidates are scored, in this order of preference on a tie, for
// input that is neither valid UTF-8 nor has NUL bytes. UTF-8 stays in for
// damaged UTF-8; UTF-16 for Chinese UTF-16 with no ASCII, hence no NUL.
var legacyCandidates = []*codec{codecGB18030, codecBig5, codecUTF8, codecUTF16LE, codecUTF16BE}

var codecByName = map[string]*codec{
	"utf-8": codecUTF8, "utf8": codecUTF8,
	"utf-16le": codecUTF16LE, "utf16le": codecUTF16LE,
	"utf-16be": codecUTF16BE, "utf16be": codecUTF16BE,
	"gb18030": codecGB18030, "gbk": codecGB18030, "gb2312": codecGB18030, "cp936": codecGB18030,
	"big5": codecBig5, "cp950": codecBig5, "big5-hkscs": codecBig5,
	"hz-gb-2312": codecHZ, "hz": codecHZ,
}

// Names returns the encoding names DecodeAs accepts, aliases included,
// sorted: what a command line lists when it is given another.
func Names() []string {
	names := make([]string, 0, len(codecByName))
	for n := range codecByName {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Known reports whether DecodeAs accepts name.
func Known(name string) bool {
	_, ok := codecByName[strings.ToLower(strings.TrimSpace(name))]
	return ok
}

func countNone([]byte) int { return 0 }

// countSeq counts seq in b. A misaligned match inside another multi-byte
// character is possible in GB18030 but would need that exact 4-byte run.
func countSeq(seq string) func([]byte) int {
	return func(b []byte) int { return bytes.Count(b, []byte(seq)) }
}

// countUnit counts the 2-byte code unit (b0, b1) at even offsets.
func countUnit(b0, b1 byte) func([]byte) int {
	return func(b []byte) int {
		n := 0
		for i := 0; i+1 < len(b); i += 2 {
			if b[i] == b0 && b[i+1] == b1 {
				n++
			}
		}
		return n
	}
}

// zeroParity counts the zero bytes at even and at odd offsets.
func zeroParity(b []byte) (even, odd int) {
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	return even, odd
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// countControlBytes counts C0 controls other than whitespace, and DEL.
func countControlBytes(b []byte) int {
	n := 0
	for _, c := range b {
		if (c < 0x20 && !isSpaceControl(rune(c))) || c == 0x7F {
			n++
		}
	}
	return n
}
