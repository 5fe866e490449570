package format

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/baogao/baogao/corpus"
)

// htmlDoc is what parseHTML keeps of a page.
type htmlDoc struct {
	text  string            // body text, paragraphs separated by blank lines
	title string            // <title>
	date  corpus.Date       // from <meta name="date|pubdate|publishdate">
	meta  map[string]string // other <meta> values: author, description, keywords, source
}

// metaDateNames are <meta> names (or properties) whose content is the
// page's publication date.
var metaDateNames = map[string]bool{
	"date": true, "pubdate": true, "publishdate": true, "publish_date": true,
	"dc.date": true, "dc.date.issued": true, "article:published_time": true,
}

// metaKeys are <meta> names copied into Meta, with their key.
var metaKeys = map[string]string{
	"author": "author", "description": "description", "keywords": "keywords",
	"source": "source", "contentsource": "source", "url": "url", "og:url": "url",
}

// skipElements never hold readable text.
var skipElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Object: true, atom.Select: true,
}

// blockElements end a paragraph; their text starts on a new one.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Br: true, atom.Div: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Tr: true, atom.Table: true,
	atom.Blockquote: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Hr: true, atom.Pre: true,
	atom.Dd: true, atom.Dt: true, atom.Figcaption: true, atom.Center: true,
}

// parseHTML extracts the body text, title and meta fields of a page. The
// x/net/html parser never fails on malformed markup; it repairs it as a
// browser would.
func parseHTML(text string) (htmlDoc, error) {
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return htmlDoc{}, err
	}
	doc := htmlDoc{meta: map[string]string{}}
	var b strings.Builder
	walkHTML(root, &b, &doc, false)
	doc.text = tidy(b.String())
	return doc, nil
}

func walkHTML(n *html.Node, b *strings.Builder, doc *htmlDoc, pre bool) {
	switch n.Type {
	case html.TextNode:
		if pre {
			b.WriteString(n.Data)
		} else {
			b.WriteString(collapseSpace(n.Data))
		}
		return
	case html.ElementNode:
		switch {
		case skipElements[n.DataAtom]:
			return
		case n.DataAtom == atom.Title:
			if doc.title == "" {
				doc.title = cleanTitle(nodeText(n))
			}
			return
		case n.DataAtom == atom.Meta:
			readMeta(n, doc)
			return
		}
		pre = pre || n.DataAtom == atom.Pre || n.DataAtom == atom.Textarea
	}
	block := n.Type == html.ElementNode && blockElements[n.DataAtom]
	if block {
		b.WriteString("\n\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkHTML(c, b, doc, pre)
	}
	if block {
		b.WriteString("\n\n")
	}
}

func readMeta(n *html.Node, doc *htmlDoc) {
	var name, content string
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "name", "property", "itemprop":
			if name == "" {
				name = strings.ToLower(strings.TrimSpace(a.Val))
			}
		case "content":
			content = strings.TrimSpace(a.Val)
		}
	}
	if content == "" {
		return
	}
	if metaDateNames[name] {
		if d, ok := firstDate(content); ok && doc.date.IsZero() {
			doc.date = d
			setMeta(doc.meta, "date", content)
		}
		return
	}
	if key, ok := metaKeys[name]; ok {
		setMeta(doc.meta, key, content)
	}
}

// nodeText is the text under n, spaces collapsed.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(collapseSpace(b.String()))
}

// collapseSpace turns each run of HTML white space into one space, as a
// browser renders it. U+00A0 (&nbsp;) becomes a plain space too.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u00a0':
			if !space {
				b.WriteByte(' ')
			}
			space = true
		default:
			b.WriteRune(r)
			space = false
		}
	}
	return b.String()
}
