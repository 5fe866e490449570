package main

import (
	"context"
	"slices"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline"
	"github.com/baogao/baogao/pipeline/extract/initiative"
)

// minLearnedRunes is the shortest initiative name learned from the corpus:
// shorter cores (“双减”, “一站式”, even four-character ones such as
// “提质增效”) are too often ordinary phrases when written without their
// quotation marks; on the news corpus four-character names learned this
// way spread to thousands of ordinary uses.
const minLearnedRunes = 5

// confident reports whether a mention names an initiative surely enough to
// recognise the name unquoted in other reports: a quotation followed by a
// head noun (“健康守门人”工程) or a campaign tag (【我为师生办实事】).
func confident(m corpus.Mention) bool {
	return m.Kind == corpus.KindInitiative &&
		(m.Rule == initiative.RuleQuotedHead || m.Rule == initiative.RuleTag) &&
		utf8.RuneCountInString(m.Value) >= minLearnedRunes
}

// learnInitiatives reads the corpus once, extracting initiatives only
// (no segmentation: a fraction of the run's cost), and returns the names
// found confidently anywhere, with their types, sorted.
func learnInitiatives(ctx context.Context, roots []string, ropts pipeline.ReadOptions, ex corpus.Extractor) ([]learned, error) {
	types := map[string]string{}
	err := pipeline.Read(roots, ropts)(ctx, func(doc *corpus.Document) error {
		if doc.Skip != "" {
			return nil
		}
		for _, m := range ex.Extract(doc.Text, doc.Date) {
			if confident(m) {
				if _, ok := types[m.Value]; !ok {
					types[m.Value] = m.Type
				}
			}
		}
		return nil
	})
	out := make([]learned, 0, len(types))
	for name, typ := range types {
		out = append(out, learned{name, typ})
	}
	slices.SortFunc(out, func(a, b learned) int {
		if a.name < b.name {
			return -1
		}
		if a.name > b.name {
			return 1
		}
		return 0
	})
	return out, err
}

type learned struct{ name, typ string }
