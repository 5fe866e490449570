package pipeline

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/extract/initiative"
	"github.com/baogao/baogao/pipeline/normalize"
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

// Learned is what learning found: the names a corpus quotes confidently,
// with their evidence, sorted by name.
type Learned []LearnedName

// LearnedName is one learned initiative name and why.
type LearnedName struct {
	Name      string // canonical name
	Type      string // its type (campaign, project, ...)
	Documents int    // documents that quote it confidently
	Example   string // the first confident quotation, as the repaired view reads it
	FirstPath string // the document it is first quoted in
}

// Evidence is one confident quotation of a name in a document: what
// learning goes by (see confident). A run keeps it (learned.parquet) so
// that an incremental run learns again from the changed files only.
type Evidence struct {
	DocID, Path string
	Name, Type  string
	Example     string // the quotation, as the repaired view reads it
}

// Learn reads the documents of src once and returns the initiative names
// they quote confidently (see confident), with the evidence, in input
// order. It sees each document's repaired view, as the run does, and runs
// only the initiative extractor's quotations (Extractor.Quoted): a
// fraction of a run's cost. Names the engine's lexicon excludes are left
// out. Documents carried from an
// earlier output (From set) are not read: prior, when not nil, gives
// their evidence.
func (e *Engine) Learn(ctx context.Context, src Source, prior func(doc *corpus.Document) []Evidence) (Learned, []Evidence, error) {
	var evidence []Evidence
	// The documents are analysed by the run's workers and counted in
	// input order, so the first quotation is the same whatever the
	// number of workers.
	r := NewRunner([]Stage{learnStage{e}}, RunnerOptions{Workers: e.opts.Workers})
	_, err := r.Run(ctx, src, func(doc *corpus.Document) error {
		if doc.From != "" {
			if prior != nil {
				evidence = append(evidence, prior(doc)...)
			}
			return nil
		}
		seen := map[string]bool{}
		for _, m := range doc.Mentions {
			if !seen[m.Value] {
				seen[m.Value] = true
				evidence = append(evidence, Evidence{DocID: doc.ID, Path: doc.Path, Name: m.Value, Type: m.Type, Example: doc.View[m.Span.Start:m.Span.End]})
			}
		}
		return nil
	})
	return LearnedFrom(evidence), evidence, err
}

// LearnedFrom sums evidence, in input order, into the learned names.
func LearnedFrom(evidence []Evidence) Learned {
	found := map[string]*LearnedName{}
	for _, ev := range evidence {
		n := found[ev.Name]
		if n == nil {
			n = &LearnedName{Name: ev.Name, Type: ev.Type, Example: ev.Example, FirstPath: ev.Path}
			found[ev.Name] = n
		}
		n.Documents++
	}
	out := make(Learned, 0, len(found))
	for _, n := range found {
		out = append(out, *n)
	}
	slices.SortFunc(out, func(a, b LearnedName) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// learnStage keeps in doc.Mentions the confident initiative mentions of
// its repaired view (doc.View) and drops the text.
type learnStage struct{ e *Engine }

func (learnStage) Name() string { return "learn" }

func (s learnStage) Process(_ context.Context, doc *corpus.Document) error {
	if doc.Skip != "" || doc.From != "" {
		return nil
	}
	view := normalize.Repair(doc.Text)
	doc.View, doc.Text = view.Text, ""
	doc.Mentions = slices.DeleteFunc(s.e.inits.Quoted(view.Text), func(m corpus.Mention) bool {
		return !confident(m) || s.e.lex.Excluded(m.Value)
	})
	return nil
}

// Lexicon returns the learned names as a lexicon, for Engine.UseLexicon.
func (l Learned) Lexicon() *initiative.Lexicon {
	lex := &initiative.Lexicon{}
	for _, n := range l {
		lex.Add(n.Name, n.Type)
	}
	return lex
}

// WriteTSV writes the learned names as a lexicon file that -lexicon reads
// (initiative.ParseLexicon): a header comment, then name, type and source,
// TAB-separated, one name per line; the source is the evidence: how many
// documents quote the name confidently, and the first quotation with its
// path.
func (l Learned) WriteTSV(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# baogao learned lexicon: name\ttype\tsource")
	for _, n := range l {
		fmt.Fprintf(bw, "%s\t%s\t%s\n", n.Name, n.Type, n.Source())
	}
	return bw.Flush()
}

// Source is the evidence of a learned name, as the lexicon's source column
// holds it: "learned: 3 documents; first “…”工程 in reports/a.txt".
func (n LearnedName) Source() string {
	return oneLine(fmt.Sprintf("learned: %d documents; first %s in %s", n.Documents, n.Example, n.FirstPath))
}

// oneLine keeps a field on its line: tabs and line breaks become spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
