package date

import (
	"strings"

	"github.com/baogao/baogao/corpus"
)

// Explain returns the date-specific steps of a mention's audit trail
// (`baogao extract -explain`): where the parts the text left out came
// from.
func Explain(m corpus.Mention) []string {
	switch {
	case m.Type == "relative":
		return []string{"relative expression resolved against the reference date"}
	case strings.Contains(m.Rule, "+ref"):
		return []string{"missing year or month taken from the reference date"}
	case strings.Contains(m.Rule, "+prev"):
		return []string{"missing year or month taken from the previous date in the text"}
	case strings.HasPrefix(m.Value, "--"):
		return []string{"no year known: ISO 8601 month-day form --MM-DD"}
	}
	return nil
}
