package charset

import (
	"fmt"
	"math"
	"unicode"
)

var inf = math.Inf(1)

// stats describes a candidate decoding, one count per rune.
type stats struct {
	runes   int
	repl    int // U+FFFD
	ctrl    int // C0 controls other than whitespace, DEL, C1 controls
	odd     int // private-use, unassigned or non-characters
	foreign int // scripts a Chinese report does not use (Hangul, Yi, …)
	han     int // Han characters
	common  int // Han characters among the most frequent (commonSimplified, commonTraditional)
}

// Per-rune costs; lower is better. A frequent Han character is the one
// positive sign: everything else a wrong decoding produces costs something,
// the clearest signs of a wrong or lossy decoding cost the most. ASCII and
// the punctuation, symbols, Greek, Cyrillic and kana found in GB2312 and
// Big5 cost nothing.
const (
	costRepl    = 10
	costCtrl    = 10
	costOdd     = 4
	costForeign = 1.5
	costRareHan = 1
	costHan     = -1
)

func (s stats) cost() float64 {
	return costRepl*float64(s.repl) + costCtrl*float64(s.ctrl) + costOdd*float64(s.odd) +
		costForeign*float64(s.foreign) + costRareHan*float64(s.han-s.common) + costHan*float64(s.common)
}

// minHanForShare is how many Han characters a text needs before their
// common share says anything; minCommonPer100 is the least share a real
// Chinese text shows (the table covers well over half of modern text, and
// still most of classical text; wrong decodings reach about one in ten).
const (
	minHanForShare  = 50
	minCommonPer100 = 25
)

// verdict says why the decoding is too poor to use, or "" when it is fine.
func (s stats) verdict() string {
	switch {
	case s.repl > maxReplacedAny && s.repl*100 > maxReplacedPer100*s.runes:
		return fmt.Sprintf("%d replacement characters in %d", s.repl, s.runes)
	case (s.ctrl+s.odd)*100 > maxJunkPer100*s.runes:
		return fmt.Sprintf("%d control or unassigned characters in %d", s.ctrl+s.odd, s.runes)
	case s.han >= minHanForShare && s.common*100 < minCommonPer100*s.han:
		return fmt.Sprintf("only %d of %d Han characters are common ones", s.common, s.han)
	}
	return ""
}

// quality is 1 for a clean decoding and falls with the share of replacement,
// control and unassigned characters: at the verdict limits it is about 0.5.
func (s stats) quality() float64 {
	if s.runes == 0 {
		return 1
	}
	lost := float64(s.repl) / float64(s.runes)
	junk := float64(s.ctrl+s.odd) / float64(s.runes)
	return max(0, 1-lost*5-junk*25)
}

// measure counts the kinds of rune in text.
func measure(text string) stats {
	var s stats
	for _, r := range text {
		s.runes++
		switch {
		case r < 0x80:
			if (r < 0x20 && !isSpaceControl(r)) || r == 0x7F {
				s.ctrl++
			}
		case r == unicode.ReplacementChar:
			s.repl++
		case r >= 0x4E00 && r <= 0x9FFF:
			s.han++
			if isCommon(r) {
				s.common++
			}
		case r < 0xA0:
			s.ctrl++
		// Fast paths for the blocks wrong decodings land in most, before the
		// table look-ups below.
		case r >= 0x3400 && r <= 0x4DBF: // Han extension A, all rare
			s.han++
		case r >= 0xAC00 && r <= 0xD7A3: // Hangul syllables
			s.foreign++
		case r >= 0xE000 && r <= 0xF8FF: // private use
			s.odd++
		case unicode.Is(unicode.Co, r) || !unicode.IsGraphic(r) && !unicode.IsSpace(r):
			s.odd++
		case unicode.Is(unicode.Han, r):
			s.han++
		case !expected(r):
			s.foreign++
		}
	}
	return s
}

// expected reports whether r, neither ASCII nor a basic Han character, is
// of a kind Chinese text or the GB2312/Big5 repertoires contain.
func expected(r rune) bool {
	switch {
	case r < 0x0800: // Latin, Greek, Cyrillic, … (accents in GB18030 text)
	case r >= 0x2000 && r < 0x2C00: // punctuation, symbols, arrows, box drawing
	case r >= 0x3000 && r < 0x3400: // CJK punctuation, kana, bopomofo
	case r >= 0xFE30 && r < 0xFE50: // vertical-form punctuation
	case r >= 0xFF00 && r < 0xFFF0: // full-width forms
	case r >= 0x1F000 && r < 0x1FB00: // emoji
	default:
		return false
	}
	return true
}

// isSpaceControl reports whether the C0 control r is whitespace that text
// files contain: tab, line feed, vertical tab, form feed, carriage return.
func isSpaceControl(r rune) bool { return r >= '\t' && r <= '\r' }

// commonBits is a bitset over U+4E00–U+9FFF of the common characters.
var commonBits = func() *[(0x9FFF - 0x4E00 + 64) / 64]uint64 {
	var bits [(0x9FFF - 0x4E00 + 64) / 64]uint64
	for _, r := range commonSimplified + commonTraditional {
		if r >= 0x4E00 && r <= 0x9FFF {
			i := r - 0x4E00
			bits[i/64] |= 1 << (i % 64)
		}
	}
	return &bits
}()

// isCommon reports whether r, in U+4E00–U+9FFF, is a common character.
func isCommon(r rune) bool {
	i := r - 0x4E00
	return commonBits[i/64]&(1<<(i%64)) != 0
}
