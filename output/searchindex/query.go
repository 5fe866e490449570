package searchindex

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The query language:
//
//	query   = or
//	or      = and { "OR" and }
//	and     = unary { ["AND"] unary }      juxtaposed clauses: AND (or OR with Request.Or)
//	unary   = ("NOT" | "-" | "+") unary | primary
//	primary = "(" or ")" | [field ":"] (phrase | word)
//	phrase  = '"' chars '"' | “chars” | 「chars」
//
// AND, OR and NOT are operators only when written in capitals and alone;
// a quoted "AND" is a phrase. A word is a run of characters up to white
// space, a parenthesis or a quotation mark; jieba cuts it into words that
// must all occur (see term). Fields: text, title, path, initiative, year,
// month, id; without one a word or phrase searches the text and the title.

// node is a parsed query.
type node interface{ String() string }

type andNode struct{ kids []node }
type orNode struct{ kids []node }
type notNode struct{ kid node }

// termNode is a word or a phrase.
type termNode struct {
	raw    string // as typed
	phrase bool   // quoted: matched exactly, case and all
	field  string // "" for text and title, else one of queryFields
	// optional marks a clause of an OR-by-default query that neither "+"
	// nor an operator made required: it adds to the score only when a
	// required clause exists.
	optional bool
}

// allNode matches every document: an empty query, or the left side of a
// leading NOT.
type allNode struct{}

func (n *andNode) String() string { return "AND(" + joinNodes(n.kids) + ")" }
func (n *orNode) String() string  { return "OR(" + joinNodes(n.kids) + ")" }
func (n *notNode) String() string { return "NOT(" + n.kid.String() + ")" }
func (allNode) String() string    { return "ALL" }
func (n *termNode) String() string {
	s := n.raw
	if n.phrase {
		s = `"` + s + `"`
	}
	if n.field != "" {
		s = n.field + ":" + s
	}
	if n.optional {
		s = "?" + s
	}
	return s
}

func joinNodes(ns []node) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = n.String()
	}
	return strings.Join(parts, " ")
}

// QueryError is a query that does not parse. It wraps ErrQuery.
type QueryError struct {
	Query  string
	Column int // 1-based, in characters
	Msg    string
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("query %q: column %d: %s", e.Query, e.Column, e.Msg)
}

// Unwrap returns ErrQuery.
func (e *QueryError) Unwrap() error { return ErrQuery }

// token kinds of the lexer.
type tokKind int

const (
	tokEOF tokKind = iota
	tokWord
	tokPhrase
	tokLParen
	tokRParen
	tokAnd
	tokOr
	tokNot
	tokPlus
	tokMinus
	tokField // a field name followed by ':'; the term follows
)

type tok struct {
	kind tokKind
	text string
	pos  int // byte offset in the query
}

// quotes pairs the opening quotation marks with their closing ones.
var quotes = map[rune]rune{'"': '"', '“': '”', '「': '」', '『': '』'}

// lex splits a query into tokens.
func lex(q string) ([]tok, error) {
	var out []tok
	for i := 0; i < len(q); {
		r, n := utf8.DecodeRuneInString(q[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case r == '(' || r == '（':
			out = append(out, tok{tokLParen, "(", i})
			i += n
		case r == ')' || r == '）':
			out = append(out, tok{tokRParen, ")", i})
			i += n
		case quotes[r] != 0:
			end := strings.IndexRune(q[i+n:], quotes[r])
			if end < 0 {
				return nil, &QueryError{q, column(q, i), "unterminated quotation mark"}
			}
			out = append(out, tok{tokPhrase, q[i+n : i+n+end], i})
			i += n + end + utf8.RuneLen(quotes[r])
		case (r == '+' || r == '-') && (i == 0 || precedesClause(q, i)):
			kind := tokPlus
			if r == '-' {
				kind = tokMinus
			}
			out = append(out, tok{kind, string(r), i})
			i += n
		default:
			start := i
			for i < len(q) {
				r, n := utf8.DecodeRuneInString(q[i:])
				if unicode.IsSpace(r) || r == '(' || r == ')' || r == '（' || r == '）' || quotes[r] != 0 {
					break
				}
				if r == ':' && i > start && isFieldName(q[start:i]) {
					break
				}
				i += n
			}
			word := q[start:i]
			if i < len(q) && q[i] == ':' && isFieldName(word) {
				out = append(out, tok{tokField, word, start})
				i++
				continue
			}
			switch word {
			case "AND":
				out = append(out, tok{tokAnd, word, start})
			case "OR":
				out = append(out, tok{tokOr, word, start})
			case "NOT":
				out = append(out, tok{tokNot, word, start})
			default:
				out = append(out, tok{tokWord, word, start})
			}
		}
	}
	return append(out, tok{tokEOF, "", len(q)}), nil
}

// precedesClause reports whether q[i] ('+' or '-') stands before a clause:
// at the start of the query or after white space or an opening
// parenthesis, and followed by something. Inside a word (5G+工业互联网,
// 2021-06) it is a character of the word.
func precedesClause(q string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(q[:i])
	if !(unicode.IsSpace(prev) || prev == '(' || prev == '（') {
		return false
	}
	next, _ := utf8.DecodeRuneInString(q[i+1:])
	return i+1 < len(q) && !unicode.IsSpace(next)
}

func isFieldName(s string) bool { return slices.Contains(queryFields, s) }

// column returns the 1-based character column of byte offset i of q.
func column(q string, i int) int { return utf8.RuneCountInString(q[:i]) + 1 }

// parser is a recursive-descent parser over the tokens of one query.
type parser struct {
	q    string
	toks []tok
	i    int
	or   bool // juxtaposed clauses are OR
}

// parseQuery parses q; an empty query matches every document. With or,
// juxtaposed clauses are alternatives instead of all required.
func parseQuery(q string, or bool) (node, error) {
	toks, err := lex(q)
	if err != nil {
		return nil, err
	}
	p := &parser{q: q, toks: toks, or: or}
	if p.peek().kind == tokEOF {
		return allNode{}, nil
	}
	n, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		if t.kind == tokRParen {
			return nil, p.errAt(t, "unbalanced closing parenthesis")
		}
		return nil, p.errAt(t, "unexpected "+t.text)
	}
	return n, nil
}

func (p *parser) peek() tok { return p.toks[p.i] }
func (p *parser) next() tok { t := p.toks[p.i]; p.i++; return t }

func (p *parser) errAt(t tok, msg string) error {
	return &QueryError{p.q, column(p.q, t.pos), msg}
}

func (p *parser) parseOr() (node, error) {
	first, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	kids := []node{first}
	for p.peek().kind == tokOr {
		op := p.next()
		if k := p.peek().kind; k == tokEOF || k == tokRParen || k == tokOr || k == tokAnd {
			return nil, p.errAt(op, "OR needs a clause after it")
		}
		n, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		kids = append(kids, n)
	}
	if len(kids) == 1 {
		return first, nil
	}
	return &orNode{kids}, nil
}

// parseAnd reads clauses up to OR, a closing parenthesis or the end.
// Clauses joined by AND, or juxtaposed in the default mode, are all
// required; juxtaposed in OR mode they are alternatives, unless marked +.
func (p *parser) parseAnd() (node, error) {
	var required, optional []node
	for {
		t := p.peek()
		switch t.kind {
		case tokEOF, tokRParen, tokOr:
			if len(required) == 0 && len(optional) == 0 {
				return nil, p.errAt(t, "a clause is missing here")
			}
			return combine(required, optional), nil
		case tokAnd:
			if len(required) == 0 && len(optional) == 0 {
				return nil, p.errAt(t, "AND needs a clause before it")
			}
			p.next()
			if k := p.peek().kind; k == tokEOF || k == tokRParen || k == tokOr || k == tokAnd {
				return nil, p.errAt(t, "AND needs a clause after it")
			}
			// a AND b: both required, whatever the mode.
			n, _, err := p.parseUnary()
			if err != nil {
				return nil, err
			}
			required = append(append(required, optional...), n)
			optional = nil
			continue
		}
		n, plus, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		if _, isNot := n.(*notNode); !p.or || plus || isNot {
			required = append(required, n)
		} else {
			optional = append(optional, n)
		}
	}
}

// combine joins the clauses of one AND level. Optional clauses (OR mode)
// must match at least one when there is no required clause; beside a
// required clause they only add to the score.
func combine(required, optional []node) node {
	switch {
	case len(required) == 0 && len(optional) == 1:
		return optional[0]
	case len(required) == 0:
		return &orNode{optional}
	}
	for _, o := range optional {
		markOptional(o)
		required = append(required, o)
	}
	if len(required) == 1 {
		return required[0]
	}
	return &andNode{required}
}

// markOptional marks the terms of a clause as scoring-only.
func markOptional(n node) {
	switch n := n.(type) {
	case *termNode:
		n.optional = true
	case *andNode:
		for _, k := range n.kids {
			markOptional(k)
		}
	case *orNode:
		for _, k := range n.kids {
			markOptional(k)
		}
	}
}

// parseUnary reads one clause with its prefixes; plus reports a "+".
func (p *parser) parseUnary() (n node, plus bool, err error) {
	t := p.next()
	switch t.kind {
	case tokNot, tokMinus:
		if k := p.peek().kind; k == tokEOF || k == tokRParen || k == tokOr || k == tokAnd {
			return nil, false, p.errAt(t, t.text+" needs a clause after it")
		}
		kid, _, err := p.parseUnary()
		if err != nil {
			return nil, false, err
		}
		return &notNode{kid}, false, nil
	case tokPlus:
		if k := p.peek().kind; k == tokEOF || k == tokRParen || k == tokOr || k == tokAnd {
			return nil, false, p.errAt(t, "+ needs a clause after it")
		}
		kid, _, err := p.parseUnary()
		return kid, true, err
	case tokLParen:
		if p.peek().kind == tokRParen {
			return nil, false, p.errAt(p.peek(), "empty parentheses")
		}
		inner, err := p.parseOr()
		if err != nil {
			return nil, false, err
		}
		if p.peek().kind != tokRParen {
			return nil, false, p.errAt(t, "unclosed parenthesis")
		}
		p.next()
		return inner, false, nil
	case tokField:
		v := p.next()
		switch v.kind {
		case tokWord:
			return &termNode{raw: v.text, field: t.text}, false, nil
		case tokPhrase:
			return p.phrase(v, t.text)
		}
		return nil, false, p.errAt(v, fmt.Sprintf("field %s: needs a word or a quoted phrase", t.text))
	case tokWord:
		return &termNode{raw: t.text}, false, nil
	case tokPhrase:
		return p.phrase(t, "")
	case tokRParen:
		return nil, false, p.errAt(t, "unbalanced closing parenthesis")
	case tokEOF:
		return nil, false, p.errAt(t, "the query ends where a clause is expected")
	}
	return nil, false, p.errAt(t, "unexpected "+t.text)
}

func (p *parser) phrase(t tok, field string) (node, bool, error) {
	if t.text == "" {
		return nil, false, p.errAt(t, "empty quotation")
	}
	return &termNode{raw: t.text, phrase: true, field: field}, false, nil
}
