package normalize

import (
	"unicode"
	"unicode/utf8"
)

// Fold returns text with full-width forms folded for matching and format
// characters removed:
//
//   - full-width digits and Latin letters ０-９ Ａ-Ｚ ａ-ｚ become ASCII;
//   - the symbols that occur inside numbers and dates, ％ ． ／ － ＋, become
//     ASCII % . / - +;
//   - the full-width colon ： becomes : only between two digits (10：30 →
//     10:30), so the colon of prose (会议指出：) stays Chinese;
//   - the ideographic space U+3000 becomes an ASCII space;
//   - format characters (Unicode Cf: U+200B zero-width space, U+FEFF, soft
//     hyphen, bidi marks) are removed.
//
// Everything else is kept. That is narrower than x/text's width.Fold, which
// would also turn Chinese punctuation ，；！？（） into ASCII and half-width
// katakana into full-width; and unlike NFKC it keeps ① ㎡ 〇 as they are.
func Fold(text string) *View {
	b := builder{orig: text}
	prevDigit := false // the last kept rune, folded, is an ASCII digit
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			prevDigit = isDigit(rune(c))
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch f, ok := foldRune(r); {
		case ok:
			b.replace(i, n, string(f))
			prevDigit = isDigit(f)
		case r == '：' && prevDigit && nextIsDigit(text[i+n:]):
			b.replace(i, n, ":")
			prevDigit = false
		case isFormat(r):
			b.replace(i, n, "") // prevDigit stays: 1\u200b2 reads 12
		default:
			prevDigit = false
		}
		i += n
	}
	return b.view()
}

// foldRune returns the ASCII form of a full-width rune that Fold folds
// everywhere.
func foldRune(r rune) (rune, bool) {
	const offset = '０' - '0' // U+FF10 - U+0030: full-width ASCII block
	switch {
	case '０' <= r && r <= '９', 'Ａ' <= r && r <= 'Ｚ', 'ａ' <= r && r <= 'ｚ':
		return r - offset, true
	case r == '％', r == '．', r == '／', r == '－', r == '＋':
		return r - offset, true
	case r == '\u3000':
		return ' ', true
	}
	return r, false
}

// nextIsDigit reports whether s starts with a digit, ASCII or full-width.
func nextIsDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	f, _ := foldRune(r)
	return isDigit(f)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// isFormat reports whether r is a format character (Unicode Cf). CJK text
// is mostly runes between U+3001 and U+FEFE, where there is none, so they
// skip the table search.
func isFormat(r rune) bool {
	if 0x3001 <= r && r < 0xFEFF {
		return false
	}
	return unicode.Is(unicode.Cf, r)
}
