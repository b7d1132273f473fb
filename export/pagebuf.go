package export

import (
	"bytes"
	"reflect"
	"sync"

	"codeberg.org/go-pdf/fpdf"
)

// fpdf keeps each page in a bytes.Buffer that starts empty and doubles
// as text is added, then copies every page into the document's buffer,
// which doubles too: a 26 KB sheet cost about 150 KB of buffers, in a
// batch the largest part of what it allocated. fpdf has no way to size
// them, so, like fontshare.go, this reaches its unexported fields (read in
// fpdf v0.12.0, def.go: « buffer fmtBuffer », « pages []*bytes.Buffer »)
// and grows them once, to the size the document will need. If the fields
// are not there (a new fpdf), nothing is grown: slower, same bytes.

var bufferFields = sync.OnceValue(func() bool {
	t := reflect.TypeFor[fpdf.Fpdf]()
	pages, ok1 := t.FieldByName("pages")
	buffer, ok2 := t.FieldByName("buffer")
	if !ok1 || !ok2 || pages.Type != reflect.TypeFor[[]*bytes.Buffer]() || buffer.Type.Kind() != reflect.Struct {
		return false
	}
	inner, ok := buffer.Type.FieldByName("Buffer")
	return ok && inner.Type == reflect.TypeFor[bytes.Buffer]() && inner.Anonymous
})

// currentPage is the buffer of the page being drawn, nil if unreachable.
func currentPage(pdf *fpdf.Fpdf) *bytes.Buffer {
	if !bufferFields() {
		return nil
	}
	pages := settable(reflect.ValueOf(pdf).Elem().FieldByName("pages")).Interface().([]*bytes.Buffer)
	if len(pages) == 0 {
		return nil
	}
	return pages[len(pages)-1]
}

// growDocument makes room for n more bytes in the document's buffer,
// where Output assembles the file.
func growDocument(pdf *fpdf.Fpdf, n int) {
	if !bufferFields() || n <= 0 {
		return
	}
	buf := settable(reflect.ValueOf(pdf).Elem().FieldByName("buffer")).FieldByName("Buffer").Addr().Interface().(*bytes.Buffer)
	buf.Grow(n)
}

// pageSizes follows the pages of a document as they are drawn, to size
// the next page and, at the end, the file.
type pageSizes struct {
	cur   *bytes.Buffer // the page being drawn
	last  int           // the length of the page before
	total int           // of the pages before the current one
}

// firstPage is room for a first page: a contact sheet or a fiche takes
// 20 to 30 KB before compression.
const firstPage = 32 << 10

// started is called after AddPage: it grows the new page's buffer to the
// size of the page before, plus a margin for a longer one.
func (s *pageSizes) started(pdf *fpdf.Fpdf) {
	s.closeCurrent()
	s.cur = currentPage(pdf)
	if s.cur == nil {
		return
	}
	want := firstPage
	if s.last > 0 {
		want = s.last + s.last/8
	}
	s.cur.Grow(want)
}

func (s *pageSizes) closeCurrent() {
	if s.cur != nil {
		s.last = s.cur.Len()
		s.total += s.last
		s.cur = nil
	}
}

// finishing is called before Output: the file is the pages, the fonts
// (their subsets and maps, about 100 KB each before fpdf compresses
// them) and a few hundred bytes of objects a page.
func (s *pageSizes) finishing(pdf *fpdf.Fpdf, pages int) {
	s.closeCurrent()
	growDocument(pdf, s.total+256<<10+pages*512)
}
