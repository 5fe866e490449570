package main

import (
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
}

// newAnalysis loads the lexicon and, when withJieba, the dictionaries,
// and registers the search analyzer with them.
func newAnalysis(dictDir, lexiconPath string, withJieba bool) (*analysis, error) {
	start := time.Now()
	var lex *initiative.Lexicon
	if lexiconPath != "" {
		fh, err := os.Open(lexiconPath)
		if err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
		lex, err = initiative.ParseLexicon(fh)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("lexicon %s: %w", lexiconPath, err)
		}
	}
	an := &analysis{Extract: extract.Stage{Extractors: []corpus.Extractor{
		date.New(), number.New(), initiative.New(initiative.Options{Lexicon: lex}),
	}}}
	if withJieba {
		j, err := segment.New(segment.Options{DictDir: dictDir})
		if err != nil {
			return nil, err
		}
		an.Jieba = j
		searchindex.Register(j)
	}
	an.LoadTime = time.Since(start)
	return an, nil
}

// Stages returns the pipeline stages of `baogao run`, in order.
func (an *analysis) Stages() []pipeline.Stage {
	return []pipeline.Stage{segment.Stage{J: an.Jieba}, an.Extract, entity.Stage{Tag: an.Jieba.Tag}}
}

// Mentions returns every mention of one text, as the run's stages would
// find them: dates, numbers, initiatives, and entities when the segmenter
// is loaded.
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
