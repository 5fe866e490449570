package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/output/searchindex"
	"github.com/baogao/baogao/pipeline"
	"github.com/baogao/baogao/pipeline/extract"
	"github.com/baogao/baogao/pipeline/extract/date"
	"github.com/baogao/baogao/pipeline/extract/entity"
	"github.com/baogao/baogao/pipeline/extract/initiative"
	"github.com/baogao/baogao/pipeline/extract/number"
	"github.com/baogao/baogao/pipeline/segment"
)

// analysis holds what every subcommand that analyses text shares: the
// segmenter (loaded once: a second and 100 MB) and the extractors.
type analysis struct {
	Jieba    *segment.Jieba // nil when the command needs no segmentation
	Extract  extract.Stage
	LoadTime time.Duration
	// Words were added to the segmenter's dictionary (learned initiative
	// names); the index records them for its queries.
	Words []string

	date, number corpus.Extractor
	initiatives  corpus.Extractor
	lexicon      *initiative.Lexicon // the user's, nil when none
}

// newAnalysis loads the lexicon and, when withJieba, the dictionaries,
// and registers the search analyzer with them.
func newAnalysis(dictDir, lexiconPath string, withJieba bool) (*analysis, error) {
	start := time.Now()
	an := &analysis{date: date.New(), number: number.New()}
	if lexiconPath != "" {
		fh, err := os.Open(lexiconPath)
		if err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
		an.lexicon, err = initiative.ParseLexicon(fh)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("lexicon %s: %w", lexiconPath, err)
		}
	}
	an.setInitiatives(initiative.New(initiative.Options{Lexicon: an.lexicon}))
	if withJieba {
		j, err := segment.New(segment.Options{DictDir: dictDir})
		if err != nil {
			return nil, err
		}
		an.Jieba = j
		searchindex.Register(j)
		if an.lexicon != nil {
			for _, name := range an.lexicon.Names() { // kept whole in segmentation and search
				an.addWord(name)
			}
		}
	}
	an.LoadTime = time.Since(start)
	return an, nil
}

func (an *analysis) setInitiatives(ex corpus.Extractor) {
	an.initiatives = ex
	an.Extract = extract.Stage{Extractors: []corpus.Extractor{an.date, an.number, ex}}
}

// learn finds the initiatives the corpus names confidently (see
// confident) and recognises them everywhere in the run: in the initiative
// lexicon, so unquoted mentions in other reports are found, and in the
// segmenter's dictionary, so segmentation and search keep them whole.
// Names the user's lexicon excludes stay excluded. It must run before the
// segmenter is shared between workers.
func (an *analysis) learn(ctx context.Context, roots []string, ropts pipeline.ReadOptions) error {
	names, err := learnInitiatives(ctx, roots, ropts, an.initiatives)
	if err != nil {
		return err
	}
	lex := an.lexicon // New copied it: ours to extend
	if lex == nil {
		lex = &initiative.Lexicon{}
	}
	for _, n := range names {
		if lex.Excluded(n.name) {
			continue
		}
		if _, known := lex.Type(n.name); !known {
			lex.Add(n.name, n.typ) // the user's type wins for names it lists
		}
		an.addWord(n.name)
	}
	an.setInitiatives(initiative.New(initiative.Options{Lexicon: lex}))
	return nil
}

// addWord adds an initiative name to the segmenter's dictionary and to
// the words the index records for its queries.
func (an *analysis) addWord(name string) {
	an.Words = append(an.Words, name)
	if an.Jieba != nil {
		an.Jieba.AddWord(name, "nz")
	}
}

// Stages returns the pipeline stages of `baogao run`, in order.
func (an *analysis) Stages() []pipeline.Stage {
	return []pipeline.Stage{segment.Stage{J: an.Jieba}, an.Extract, entity.Stage{}}
}

// Mentions returns every mention of one text: dates, numbers and
// initiatives as the run's extract stage finds them, and entities when the
// segmenter is loaded (tagged on the text as written, where the run tags
// the repaired view).
func (an *analysis) Mentions(text string, ref corpus.Date) []corpus.Mention {
	ms := an.Extract.Extract(text, ref)
	if an.Jieba != nil {
		ms = append(ms, entity.Extract(text, an.Jieba.Tag(text))...)
		corpus.SortMentions(ms)
	}
	return ms
}

// Close frees the segmenter.
func (an *analysis) Close() {
	if an.Jieba != nil {
		an.Jieba.Close()
	}
}
