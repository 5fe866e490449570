package extract

import (
	"fmt"
	"sort"

	"github.com/baogao/baogao/corpus"
)

// Gold is one annotated mention of a researcher's gold file.
type Gold struct {
	Span  corpus.Span // bytes into the document text
	Value string      // expected value; empty: only the span is judged
}

// Score counts how predictions of one kind compare with gold mentions.
// A prediction matches a gold mention when their spans overlap (lenient:
// annotators differ on whether 约 or 余 belongs to a number); Exact counts
// the matches whose spans are equal too.
type Score struct {
	Gold, Predicted int
	Matched         int // gold mentions overlapped by a prediction
	Exact           int // of Matched, with the same span
	ValueRight      int // of Matched with a gold value, the value equals it
	ValueJudged     int // of Matched, those with a gold value
	Misses          []Miss
}

// Miss is a gold mention not found, a prediction not in the gold, or a
// match with another value.
type Miss struct {
	Doc   string
	What  string // "missed", "spurious", "value"
	Text  string
	Want  string // gold value
	Got   string // predicted value
	Start int    // byte offset
}

// Precision is the share of predictions that overlap a gold mention.
func (s *Score) Precision() float64 { return ratio(s.Predicted-s.spurious(), s.Predicted) }

// Recall is the share of gold mentions a prediction overlaps.
func (s *Score) Recall() float64 { return ratio(s.Matched, s.Gold) }

// ValueAccuracy is the share of matched gold mentions with the right value.
func (s *Score) ValueAccuracy() float64 { return ratio(s.ValueRight, s.ValueJudged) }

func (s *Score) spurious() int {
	n := 0
	for _, m := range s.Misses {
		if m.What == "spurious" {
			n++
		}
	}
	return n
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// String prints the score on one line.
func (s *Score) String() string {
	return fmt.Sprintf("gold %d, predicted %d, precision %.3f, recall %.3f (exact span %d), value accuracy %.3f (%d/%d)",
		s.Gold, s.Predicted, s.Precision(), s.Recall(), s.Exact, s.ValueAccuracy(), s.ValueRight, s.ValueJudged)
}

// Add scores one document's predictions of a kind against its gold
// mentions. Each gold mention is matched to the overlapping prediction
// that overlaps it most; a prediction may serve one gold mention only.
func (s *Score) Add(doc, text string, gold []Gold, pred []corpus.Mention) {
	s.Gold += len(gold)
	s.Predicted += len(pred)
	first := len(s.Misses)
	used := make([]bool, len(pred))
	for _, g := range gold {
		best, bestOverlap := -1, 0
		for i, p := range pred {
			if o := overlap(g.Span, p.Span); !used[i] && o > bestOverlap {
				best, bestOverlap = i, o
			}
		}
		if best < 0 {
			s.Misses = append(s.Misses, Miss{Doc: doc, What: "missed", Text: text[g.Span.Start:g.Span.End], Want: g.Value, Start: g.Span.Start})
			continue
		}
		used[best] = true
		p := pred[best]
		s.Matched++
		if p.Span == g.Span {
			s.Exact++
		}
		if g.Value != "" {
			s.ValueJudged++
			if p.Value == g.Value {
				s.ValueRight++
			} else {
				s.Misses = append(s.Misses, Miss{Doc: doc, What: "value", Text: text[p.Span.Start:p.Span.End], Want: g.Value, Got: p.Value, Start: p.Span.Start})
			}
		}
	}
	for i, p := range pred {
		if !used[i] {
			s.Misses = append(s.Misses, Miss{Doc: doc, What: "spurious", Text: text[p.Span.Start:p.Span.End], Got: p.Value, Start: p.Span.Start})
		}
	}
	mine := s.Misses[first:]
	sort.SliceStable(mine, func(i, k int) bool { return mine[i].Start < mine[k].Start })
}

func overlap(a, b corpus.Span) int {
	return max(0, min(a.End, b.End)-max(a.Start, b.Start))
}
