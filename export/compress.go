package export

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"sync"
)

// fpdf compresses every page stream with a new zlib writer, 1.2 MB of
// memory each: in a batch of 900 sheets, three quarters of everything
// allocated. So documents are built uncompressed (SetCompression(false)
// in newDoc) and the plain streams are compressed here, on the way out,
// with writers kept for reuse. The PDF is otherwise copied as fpdf wrote
// it; only the object offsets in the cross-reference table change.

var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // the level fpdf uses; cannot fail
	return w
}}

// writeCompressed writes pdf, as fpdf produces it, to w with each plain
// stream (« <</Length n>> ») compressed. Should a new fpdf lay the file
// out otherwise, the PDF is written as it is: larger, still valid.
func writeCompressed(pdf []byte, w io.Writer) error { return writeSpliced(pdf, w, nil) }

// writeSpliced is writeCompressed with the kept fonts of fonts (nil:
// none) put in their places (fontcache.go).
func writeSpliced(pdf []byte, w io.Writer, fonts *fontSwap) error {
	x, err := readXref(pdf)
	if err != nil {
		if fonts != nil {
			return err // its fonts are only placeholders: it cannot be written as it is
		}
		_, err := w.Write(pdf)
		return err
	}
	var replace map[int][]byte
	var extra [][]byte
	trailer := x.trailer
	if fonts != nil {
		last := len(x.offsets)
		if replace, extra, err = fonts.pieces(last); err != nil {
			return err
		}
		size := []byte("/Size " + strconv.Itoa(last+1) + "\n")
		if bytes.Count(trailer, size) != 1 {
			return errLayout
		}
		trailer = bytes.Replace(trailer, size, []byte("/Size "+strconv.Itoa(last+1+len(extra))+"\n"), 1)
	}
	out := bufio.NewWriterSize(w, 64<<10)
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	var z bytes.Buffer
	order := make([]int, len(x.offsets)) // object numbers by position in the file
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return x.offsets[a] - x.offsets[b] })
	newOffsets := make([]int, len(x.offsets))
	pos, err := out.Write(pdf[:x.offsets[order[0]]])
	if err != nil {
		return err
	}
	for k, obj := range order {
		end := x.start
		if k+1 < len(order) {
			end = x.offsets[order[k+1]]
		}
		newOffsets[obj] = pos
		text := pdf[x.offsets[obj]:end]
		if body, ok := replace[obj+1]; ok {
			text = numbered(obj+1, body)
		}
		n, err := writeObject(out, text, zw, &z)
		if err != nil {
			return err
		}
		pos += n
	}
	for i, body := range extra {
		newOffsets = append(newOffsets, pos)
		n, err := writeObject(out, numbered(len(x.offsets)+1+i, body), zw, &z)
		if err != nil {
			return err
		}
		pos += n
	}
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(newOffsets)+1)
	for _, off := range newOffsets {
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", pos)
	return out.Flush()
}

// numbered is object n with body, the text after its « n 0 obj » line.
func numbered(n int, body []byte) []byte {
	return append([]byte(strconv.Itoa(n)+" 0 obj\n"), body...)
}

var (
	plainStream = []byte("<</Length ")
	streamOpen  = []byte(">>\nstream\n")
	streamClose = []byte("\nendstream\nendobj\n")
)

// writeObject copies one object, compressing it when it is exactly a
// plain stream, and returns the bytes written.
func writeObject(w io.Writer, obj []byte, zw *zlib.Writer, z *bytes.Buffer) (int, error) {
	head, body, ok := bytes.Cut(obj, []byte("\n"))
	data, ok := plainData(body, ok)
	if !ok {
		return w.Write(obj)
	}
	z.Reset()
	zw.Reset(z)
	if _, err := zw.Write(data); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	n, err := fmt.Fprintf(w, "%s\n<</Filter /FlateDecode /Length %d>>\nstream\n", head, z.Len())
	if err != nil {
		return n, err
	}
	m, err := w.Write(z.Bytes())
	n += m
	if err != nil {
		return n, err
	}
	m, err = w.Write(streamClose)
	return n + m, err
}

// plainData returns the data of a body « <</Length n>>\nstream\n…\nendstream\nendobj\n ».
func plainData(body []byte, ok bool) ([]byte, bool) {
	rest, found := bytes.CutPrefix(body, plainStream)
	if !ok || !found {
		return nil, false
	}
	num, rest, found := bytes.Cut(rest, streamOpen)
	n, err := strconv.Atoi(string(num))
	if !found || err != nil || n < 0 || len(rest) != n+len(streamClose) || !bytes.Equal(rest[n:], streamClose) {
		return nil, false
	}
	return rest[:n], true
}

// xref is what writeCompressed needs of fpdf's cross-reference table.
type xref struct {
	offsets []int  // of objects 1…n
	start   int    // where the table starts: the end of the last object
	trailer []byte // « trailer\n<<…>>\n »
}

var errLayout = errors.New("pdf written by fpdf in an unexpected layout")

func readXref(pdf []byte) (xref, error) {
	var x xref
	i := bytes.LastIndex(pdf, []byte("startxref\n"))
	if i < 0 {
		return x, errLayout
	}
	num, _, _ := bytes.Cut(pdf[i+len("startxref\n"):], []byte("\n"))
	start, err := strconv.Atoi(string(num))
	if err != nil || start <= 0 || start >= i || !bytes.HasPrefix(pdf[start:], []byte("xref\n0 ")) {
		return x, errLayout
	}
	x.start = start
	rest := pdf[start+len("xref\n0 "):]
	num, rest, _ = bytes.Cut(rest, []byte("\n"))
	count, err := strconv.Atoi(string(num))
	const line = len("0000000000 00000 n \n")
	if err != nil || count < 2 || len(rest) < count*line {
		return x, errLayout
	}
	for k := 1; k < count; k++ {
		off, err := strconv.Atoi(string(rest[k*line : k*line+10]))
		if err != nil || off <= 0 || off >= start {
			return x, errLayout
		}
		x.offsets = append(x.offsets, off)
	}
	x.trailer = rest[count*line : i-start-len("xref\n0 ")-len(num)-1]
	return x, nil
}
