package number

import (
	"strconv"
	"strings"
)

// Values returns the Value of a number mention as float64s, for the typed
// columns of the tables: a single value (4000, -3.5, 0.25) is both low
// and high with exact true; a range ("15/17", "30000/50000") has its ends
// in low and high and exact false. ok is false when value is not a Value
// this package writes: empty, or anything but decimal text. Values beyond
// 2^53 lose digits in a float64; Value keeps them exact.
func Values(value string) (low, high float64, exact, ok bool) {
	lo, hi, isRange := strings.Cut(value, "/")
	low, ok = decimal(lo)
	if !ok {
		return 0, 0, false, false
	}
	if !isRange {
		return low, low, true, true
	}
	high, ok = decimal(hi)
	if !ok {
		return 0, 0, false, false
	}
	return low, high, false, true
}

// decimal parses optionally signed decimal text: no exponent, no hex, no
// Inf or NaN, which strconv.ParseFloat would also accept.
func decimal(s string) (float64, bool) {
	digits := strings.TrimPrefix(s, "-")
	if digits == "" || strings.Trim(digits, "0123456789.") != "" || strings.Count(digits, ".") > 1 ||
		digits[0] == '.' || digits[len(digits)-1] == '.' {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}
