package search

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"unsafe"
)

// The encoded index is the only form an Index has in memory: Build
// gathers a draft, encodes it and loads the bytes; the prebuilt index
// (tools/genindex, `make index`, assets.SearchIndex) is the same bytes,
// written once when the data changes. Loading copies nothing: documents,
// terms and postings are fixed-size records viewed in place, bigram lists
// are decoded from their varint gaps as searches read them, and strings
// are slices of the string table that ends the file; Load only checks
// that every reference is in range. Over the embedded index the program
// holds no copy of it on its heap (some 14 MB in the previous form), and
// the system keeps in memory only the pages searches read, reading
// others back from the executable on need.
//
// Layout, little-endian, every section 4-byte aligned: magic, version,
// then sections of uint32 values; a string is a str (offset and length
// in 32 bits, see below), a document's lists a range of the lists
// section. The format is private to this package: any change to it or
// to the index bumps indexVersion, and the freshness test rebuilds the
// file.

const (
	indexMagic   = "RCIX"
	indexVersion = 3
)

// ErrStaleIndex is returned by Load for bytes written by another version
// of the index: rebuild them with `make index`.
var ErrStaleIndex = errors.New("search index written by another version")

// sref is a string of the table: its offset and length.
type sref struct{ off, n uint32 }

// str is a string of the table in 32 bits: offset << 8 | length, for the
// strings shorter than 255 bytes in the first 16 MB of the table (all of
// them, in practice); any other is longStr: its index << 8 | 0xff, in
// Index.longs. Half the size of an sref: the records searches touch
// most fill fewer pages.
type str uint32

const longStr = 0xff

// docRec is a document as searching reads it. Its fields are all 32-bit
// so that the records can be viewed in the encoded bytes as they are.
type docRec struct {
	id, title, subtitle, folded, alias str
	// lists is where the document's names, codes, régions and
	// départements follow each other in Index.lists; counts holds how
	// many of each, 16 bits each (names << 16 | codes, régions << 16 |
	// départements).
	lists  uint32
	counts [2]uint32
	rank   int32
	// dup is, for documents that share their ID with another of the same
	// group (a card and an outcome, a commune and its former communes),
	// a number common to them; -1 otherwise.
	dup  int32
	kind uint32 // in Index.kinds
}

type encoder struct {
	out   []byte
	strs  []byte
	strAt map[string]uint32
	lists []str
	longs []sref
}

func (e *encoder) u32(v uint32) { e.out = binary.LittleEndian.AppendUint32(e.out, v) }

func (e *encoder) ref(s string) sref {
	off, ok := e.strAt[s]
	if !ok {
		off = uint32(len(e.strs))
		e.strs = append(e.strs, s...)
		e.strAt[s] = off
	}
	return sref{off, uint32(len(s))}
}

func (e *encoder) str(s string) {
	r := e.ref(s)
	e.u32(r.off)
	e.u32(r.n)
}

// short is s as a str; the empty string is 0.
func (e *encoder) short(s string) str {
	if s == "" {
		return 0
	}
	r := e.ref(s)
	if r.n < longStr && r.off < 1<<24 {
		return str(r.off<<8 | r.n)
	}
	e.longs = append(e.longs, r)
	return str(uint32(len(e.longs)-1)<<8 | longStr)
}

func (e *encoder) strList(l []string) {
	e.u32(uint32(len(l)))
	for _, s := range l {
		e.str(s)
	}
}

func (e *encoder) list(l []string) {
	for _, s := range l {
		e.lists = append(e.lists, e.short(s))
	}
}

// count is a list's length in 16 bits: no document has 65,535 names,
// codes or territories (there are 101 départements).
func count(l []string) uint32 { return uint32(min(len(l), 0xffff)) }

func (e *encoder) int32s(l []int32) {
	e.u32(uint32(len(l)))
	for _, v := range l {
		e.u32(uint32(v))
	}
}

func (e *encoder) bools(b []bool) {
	e.u32(uint32(len(b)))
	for _, v := range b {
		if v {
			e.out = append(e.out, 1)
		} else {
			e.out = append(e.out, 0)
		}
	}
	for len(e.out)%4 != 0 {
		e.out = append(e.out, 0)
	}
}

// encode writes a draft in the form Load reads.
func (dr *draft) encode() []byte {
	// Sized up front: growing a 7 MB buffer, the string table and the
	// map that interns its strings took a third of Build.
	total := 0
	for _, p := range dr.post {
		total += len(p)
	}
	nlists := 0
	for i := range dr.docs {
		d := &dr.docs[i]
		nlists += len(d.names) + len(d.codes) + len(d.Regions) + len(d.Departements)
	}
	size := 64 + len(dr.docs)*int(unsafe.Sizeof(docRec{})) + 4*(nlists+3*len(dr.terms)+total+3*len(dr.grams))
	e := &encoder{strAt: make(map[string]uint32, len(dr.terms)+4*len(dr.docs)), out: make([]byte, 0, size),
		strs: make([]byte, 0, 8*len(dr.terms)+24*len(dr.docs)), lists: make([]str, 0, nlists)}
	e.out = append(e.out, indexMagic...)
	e.u32(indexVersion)
	var kinds []string
	recs := make([]docRec, len(dr.docs))
	for i := range dr.docs {
		d := &dr.docs[i]
		k := slices.Index(kinds, string(d.Kind))
		if k < 0 {
			k = len(kinds)
			kinds = append(kinds, string(d.Kind))
		}
		r := docRec{
			id: e.short(d.ID), title: e.short(d.Title), subtitle: e.short(d.Subtitle),
			folded: e.short(d.folded), alias: e.short(d.Alias),
			lists:  uint32(len(e.lists)),
			counts: [2]uint32{count(d.names)<<16 | count(d.codes), count(d.Regions)<<16 | count(d.Departements)},
			rank:   int32(d.Rank), dup: d.dup, kind: uint32(k),
		}
		for _, l := range [...][]string{d.names, d.codes, d.Regions, d.Departements} {
			e.list(l[:min(len(l), 0xffff)])
		}
		recs[i] = r
	}
	terms := make([]str, len(dr.terms))
	for i, t := range dr.terms {
		terms[i] = e.short(t)
	}
	e.strList(kinds)
	e.u32(uint32(len(recs)))
	for _, r := range recs {
		for _, v := range [...]uint32{uint32(r.id), uint32(r.title), uint32(r.subtitle), uint32(r.folded), uint32(r.alias),
			r.lists, r.counts[0], r.counts[1], uint32(r.rank), uint32(r.dup), r.kind} {
			e.u32(v)
		}
	}
	e.u32(uint32(len(e.lists)))
	for _, v := range e.lists {
		e.u32(uint32(v))
	}
	e.u32(uint32(len(terms)))
	for _, v := range terms {
		e.u32(uint32(v))
	}
	e.u32(uint32(len(e.longs)))
	for _, r := range e.longs {
		e.u32(r.off)
		e.u32(r.n)
	}
	e.u32(uint32(total))
	at := 0
	for _, p := range dr.post {
		e.u32(uint32(at))
		at += len(p)
	}
	e.u32(uint32(at))
	for _, p := range dr.post {
		for _, q := range p {
			e.u32(uint32(q))
		}
	}
	keys := make([]uint32, 0, len(dr.grams))
	for k := range dr.grams {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.u32(uint32(len(keys)))
	for _, k := range keys {
		e.u32(k)
	}
	// Each bigram's terms, in increasing order, as varint gaps: a byte or
	// two a term where 32 bits took four.
	var gaps []byte
	offs := make([]uint32, 0, len(keys)+1)
	for _, k := range keys {
		offs = append(offs, uint32(len(gaps)))
		prev := int32(-1)
		for _, t := range dr.grams[k] {
			gaps = binary.AppendUvarint(gaps, uint64(t-prev))
			prev = t
		}
	}
	offs = append(offs, uint32(len(gaps)))
	for _, o := range offs {
		e.u32(o)
	}
	e.u32(uint32(len(gaps)))
	e.out = append(e.out, gaps...)
	for len(e.out)%4 != 0 {
		e.out = append(e.out, 0)
	}
	e.strList(sortedKeys(dr.stopwords))
	regions := sortedKeys(dr.regions)
	e.strList(regions)
	for _, r := range regions {
		e.str(dr.regions[r])
	}
	e.u32(uint32(len(dr.aliases)))
	for _, a := range dr.aliases {
		e.str(a.short)
		e.str(a.long)
	}
	e.int32s(dr.contentDocs)
	e.int32s(dr.namesSorted)
	e.bools(dr.strongTerm)
	e.bools(dr.titleTerm)
	e.bools([]bool{dr.hasDups})
	e.out = append(e.out, e.strs...)
	e.u32(uint32(len(e.strs)))
	return e.out
}

// MarshalBinary returns the index in the form Load reads.
func (ix *Index) MarshalBinary() ([]byte, error) { return slices.Clone(ix.raw), nil }

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// decoder reads what encoder wrote; a read past the end sets err and
// returns zeros, so Load checks once at the end.
type decoder struct {
	data []byte
	at   int
	strs string
	err  error
}

func (d *decoder) u32() uint32 {
	if d.at+4 > len(d.data) {
		d.err = errors.New("truncated")
		return 0
	}
	v := binary.LittleEndian.Uint32(d.data[d.at:])
	d.at += 4
	return v
}

func (d *decoder) count(size int) int {
	n := int(d.u32())
	if n*size > len(d.data)-d.at {
		d.err = errors.New("bad count")
		return 0
	}
	return n
}

// str returns a string sharing the index's bytes, which never change.
func (d *decoder) str() string {
	off, n := uint64(d.u32()), uint64(d.u32())
	if off+n > uint64(len(d.strs)) {
		d.err = errors.New("bad string")
		return ""
	}
	return d.strs[off : off+n]
}

// strList reads a list of strings into a new slice: only for the few
// short lists (kinds, stopwords, territory names).
func (d *decoder) strList() []string {
	out := make([]string, d.count(8))
	for i := range out {
		out[i] = d.str()
	}
	return out
}

// view returns the next n records of T, a struct of 32-bit fields only.
// On a little-endian machine with the bytes aligned it is the bytes
// themselves, not a copy: that is most of the index.
func view[T any](d *decoder, n int) []T {
	size := int(unsafe.Sizeof(*new(T)))
	if n == 0 || d.err != nil {
		return nil
	}
	if n > (len(d.data)-d.at)/size {
		d.err = errors.New("truncated")
		return nil
	}
	b := d.data[d.at : d.at+n*size]
	d.at += n * size
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%4 == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), n)
	}
	buf := make([]uint32, len(b)/4)
	for i := range buf {
		buf[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return unsafe.Slice((*T)(unsafe.Pointer(&buf[0])), n)
}

var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// bools views the next list of flags, each byte 0 or 1, in place.
func (d *decoder) bools() []bool {
	n := d.count(1)
	if n == 0 || d.err != nil {
		return nil
	}
	b := d.data[d.at : d.at+n]
	for _, v := range b {
		if v > 1 {
			d.err = errors.New("bad flag")
			return nil
		}
	}
	d.at += (n + 3) &^ 3
	return unsafe.Slice((*bool)(unsafe.Pointer(&b[0])), n)
}

// offsets reads n+1 increasing offsets ending at total.
func (d *decoder) offsets(n int) []uint32 {
	out := view[uint32](d, n+1)
	if d.err != nil {
		return nil
	}
	for i := 1; i < len(out); i++ {
		if out[i] < out[i-1] {
			d.err = errors.New("bad offsets")
			return nil
		}
	}
	if out[0] != 0 {
		d.err = errors.New("bad offsets")
	}
	return out
}

// Load reads an index written by encode. The index keeps referring to
// data, which must not change.
func Load(data []byte) (ix *Index, err error) {
	if len(data) < 12 || string(data[:4]) != indexMagic {
		return nil, errors.New("load search index: not an index")
	}
	if v := binary.LittleEndian.Uint32(data[4:]); v != indexVersion {
		return nil, fmt.Errorf("load search index: version %d, want %d: %w", v, indexVersion, ErrStaleIndex)
	}
	n := int(binary.LittleEndian.Uint32(data[len(data)-4:]))
	if n > len(data)-12 {
		return nil, errors.New("load search index: bad string table")
	}
	table := data[len(data)-4-n : len(data)-4]
	d := &decoder{data: data[:len(data)-4-n], at: 8}
	if n > 0 {
		d.strs = unsafe.String(&table[0], n)
	}
	ix = &Index{raw: data, strs: d.strs}
	for _, k := range d.strList() {
		ix.kinds = append(ix.kinds, Kind(k))
	}
	ix.docs = view[docRec](d, d.count(int(unsafe.Sizeof(docRec{}))))
	ix.lists = view[str](d, d.count(4))
	ix.terms = view[str](d, d.count(4))
	ix.longs = view[sref](d, d.count(8))
	total := d.count(4)
	ix.postOff = d.offsets(len(ix.terms))
	if d.err == nil && int(ix.postOff[len(ix.terms)]) != total {
		d.err = errors.New("bad postings")
	}
	ix.postings = view[posting](d, total)
	nk := d.count(4)
	ix.gramKeys = view[uint32](d, nk)
	ix.gramOff = d.offsets(nk)
	if gaps := d.count(1); d.err == nil {
		if int(ix.gramOff[nk]) != gaps {
			d.err = errors.New("bad grams")
		} else {
			ix.gramGaps = d.data[d.at : d.at+gaps]
			d.at += (gaps + 3) &^ 3
		}
	}
	ix.stopwords = map[string]bool{}
	for _, w := range d.strList() {
		ix.stopwords[w] = true
	}
	ix.regions = map[string]string{}
	for _, r := range d.strList() {
		ix.regions[r] = d.str()
	}
	ix.aliases = make([]alias, d.count(16))
	for i := range ix.aliases {
		ix.aliases[i] = alias{d.str(), d.str()}
	}
	ix.contentDocs = view[int32](d, d.count(4))
	ix.namesSorted = view[int32](d, d.count(4))
	ix.strongTerm, ix.titleTerm = d.bools(), d.bools()
	ix.hasDups = slices.Contains(d.bools(), true)
	if d.err != nil {
		return nil, fmt.Errorf("load search index: %w", d.err)
	}
	if err := ix.check(); err != nil {
		return nil, fmt.Errorf("load search index: %w", err)
	}
	ix.initScratch()
	return ix, nil
}

// check verifies that every reference inside a loaded index is in range,
// so that a damaged file fails to load instead of failing a search.
func (ix *Index) check() error {
	nd, nt := int32(len(ix.docs)), int32(len(ix.terms))
	for _, r := range ix.longs {
		if uint64(r.off)+uint64(r.n) > uint64(len(ix.strs)) {
			return errors.New("bad string")
		}
	}
	okStr := func(r str) bool {
		if r&0xff == longStr {
			return int(r>>8) < len(ix.longs)
		}
		return int(r>>8)+int(r&0xff) <= len(ix.strs)
	}
	for _, l := range [][]str{ix.lists, ix.terms} {
		for _, r := range l {
			if !okStr(r) {
				return errors.New("bad string")
			}
		}
	}
	for i := range ix.docs {
		r := &ix.docs[i]
		for _, s := range [...]str{r.id, r.title, r.subtitle, r.folded, r.alias} {
			if !okStr(s) {
				return errors.New("bad document string")
			}
		}
		n := uint64(r.counts[0]>>16) + uint64(r.counts[0]&0xffff) + uint64(r.counts[1]>>16) + uint64(r.counts[1]&0xffff)
		if uint64(r.lists)+n > uint64(len(ix.lists)) {
			return errors.New("bad document list")
		}
		if int(r.kind) >= len(ix.kinds) {
			return errors.New("bad document kind")
		}
	}
	for _, q := range ix.postings {
		if q.doc() >= nd || int(q.field()) >= len(fieldWeight) {
			return errors.New("bad posting")
		}
	}
	for i := range ix.gramKeys {
		it := ix.gramList(i)
		for t, ok := it.next(); ok; t, ok = it.next() {
			if t >= nt {
				return errors.New("bad gram")
			}
		}
		if it.bad {
			return errors.New("bad gram")
		}
	}
	for _, l := range [][]int32{ix.contentDocs, ix.namesSorted} {
		for _, d := range l {
			if d < 0 || d >= nd {
				return errors.New("bad document list")
			}
		}
	}
	if len(ix.strongTerm) != len(ix.terms) || len(ix.titleTerm) != len(ix.terms) {
		return errors.New("bad term flags")
	}
	return nil
}

// The accessors below read the records; check has put every reference
// in range.

func (ix *Index) str(r str) string {
	if r&0xff == longStr {
		l := ix.longs[r>>8]
		return ix.strs[l.off : l.off+l.n]
	}
	off := uint32(r >> 8)
	return ix.strs[off : off+uint32(r&0xff)]
}

// The lists of a document, one after the other in ix.lists.

func (ix *Index) names(d int32) []str {
	r := &ix.docs[d]
	return ix.lists[r.lists : r.lists+r.counts[0]>>16]
}

func (ix *Index) codes(d int32) []str {
	r := &ix.docs[d]
	at := r.lists + r.counts[0]>>16
	return ix.lists[at : at+r.counts[0]&0xffff]
}

func (ix *Index) regionsOf(d int32) []str {
	r := &ix.docs[d]
	at := r.lists + r.counts[0]>>16 + r.counts[0]&0xffff
	return ix.lists[at : at+r.counts[1]>>16]
}

func (ix *Index) departementsOf(d int32) []str {
	r := &ix.docs[d]
	at := r.lists + r.counts[0]>>16 + r.counts[0]&0xffff + r.counts[1]>>16
	return ix.lists[at : at+r.counts[1]&0xffff]
}

// has reports whether a list holds s.
func (ix *Index) has(l []str, s string) bool {
	for _, r := range l {
		if ix.str(r) == s {
			return true
		}
	}
	return false
}

func (ix *Index) kind(d int32) Kind     { return ix.kinds[ix.docs[d].kind] }
func (ix *Index) folded(d int32) string { return ix.str(ix.docs[d].folded) }
func (ix *Index) id(d int32) string     { return ix.str(ix.docs[d].id) }
func (ix *Index) term(t int) string     { return ix.str(ix.terms[t]) }

// postingsOf are the documents holding a term.
func (ix *Index) postingsOf(t int32) []posting {
	return ix.postings[ix.postOff[t]:ix.postOff[t+1]]
}

// findTerm is the position of the first term not before w.
func (ix *Index) findTerm(w string) int {
	lo, hi := 0, len(ix.terms)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ix.term(m) < w {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// termID is the position of the term w, if indexed.
func (ix *Index) termID(w string) (int, bool) {
	i := ix.findTerm(w)
	return i, i < len(ix.terms) && ix.term(i) == w
}

// gramTerms are the terms holding a bigram key, in order.
func (ix *Index) gramTerms(g uint32) gramIter {
	if i, ok := slices.BinarySearch(ix.gramKeys, g); ok {
		return ix.gramList(i)
	}
	return gramIter{}
}

// gramList are the terms of the i-th bigram key.
func (ix *Index) gramList(i int) gramIter {
	return gramIter{b: ix.gramGaps[ix.gramOff[i]:ix.gramOff[i+1]], t: -1}
}

// gramIter decodes a list of terms from its gaps.
type gramIter struct {
	b   []byte
	t   int64
	bad bool // a gap did not decode: check refuses the index
}

func (it *gramIter) next() (int32, bool) {
	if len(it.b) == 0 {
		return 0, false
	}
	var gap uint64
	if c := it.b[0]; c < 0x80 { // most gaps: one byte
		gap, it.b = uint64(c), it.b[1:]
	} else {
		n := 0
		gap, n = binary.Uvarint(it.b)
		if n <= 0 {
			it.b, it.bad = nil, true
			return 0, false
		}
		it.b = it.b[n:]
	}
	it.t += int64(gap)
	if gap == 0 || it.t > math.MaxInt32 {
		it.b, it.bad = nil, true
		return 0, false
	}
	return int32(it.t), true
}

// firstName is the position in namesSorted of the first commune whose
// folded name is not before s.
func (ix *Index) firstName(s string) int {
	lo, hi := 0, len(ix.namesSorted)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ix.folded(ix.namesSorted[m]) < s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
