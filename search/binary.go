package search

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"unsafe"
)

// The prebuilt index: Build takes some 150 ms over 35,000 communes, more
// than the rest of a `reperecyber search` run, so the index is built once
// when the data changes (tools/genindex, `make index`) and embedded
// (assets.SearchIndex). Load turns it back into an Index in a few
// milliseconds: strings point into the embedded bytes, lists are sliced
// out of a few large arrays, nothing is parsed or sorted again.
//
// Layout, little-endian: magic, version, then sections of uint32 values;
// a string is its offset and length in the string table that ends the
// file. The format is private to this package: any change to it or to
// the index bumps indexVersion, and the freshness test rebuilds the file.

const (
	indexMagic   = "RCIX"
	indexVersion = 1
)

// ErrStaleIndex is returned by Load for bytes written by another version
// of the index: rebuild them with `make index`.
var ErrStaleIndex = errors.New("search index written by another version")

type encoder struct {
	out   []byte
	strs  []byte
	strAt map[string]uint32
}

func (e *encoder) u32(v uint32) { e.out = binary.LittleEndian.AppendUint32(e.out, v) }
func (e *encoder) i32(v int32)  { e.u32(uint32(v)) }

func (e *encoder) str(s string) {
	off, ok := e.strAt[s]
	if !ok {
		off = uint32(len(e.strs))
		e.strs = append(e.strs, s...)
		e.strAt[s] = off
	}
	e.u32(off)
	e.u32(uint32(len(s)))
}

func (e *encoder) strList(l []string) {
	e.u32(uint32(len(l)))
	for _, s := range l {
		e.str(s)
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

// MarshalBinary writes the index in the form Load reads.
func (ix *Index) MarshalBinary() ([]byte, error) {
	e := &encoder{strAt: map[string]uint32{}}
	e.out = append(e.out, indexMagic...)
	e.u32(indexVersion)
	e.u32(uint32(len(ix.docs)))
	for i := range ix.docs {
		d := &ix.docs[i]
		for _, s := range [...]string{d.ID, string(d.Kind), d.Title, d.Subtitle, d.folded, d.core, d.Alias} {
			e.str(s)
		}
		e.i32(int32(d.Rank))
		e.i32(d.dup)
		for _, l := range [...][]string{d.names, d.codes, d.Regions, d.Departements} {
			e.strList(l)
		}
	}
	e.strList(ix.terms)
	total := 0
	for _, p := range ix.post {
		total += len(p)
	}
	e.u32(uint32(total))
	for _, p := range ix.post {
		e.u32(uint32(len(p)))
	}
	for _, p := range ix.post {
		for _, q := range p {
			e.u32(uint32(q))
		}
	}
	keys := make([]uint32, 0, len(ix.grams))
	for k := range ix.grams {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.u32(uint32(len(keys)))
	grams := 0
	for _, k := range keys {
		e.u32(k)
		e.u32(uint32(len(ix.grams[k])))
		grams += len(ix.grams[k])
	}
	e.u32(uint32(grams))
	for _, k := range keys {
		for _, t := range ix.grams[k] {
			e.i32(t)
		}
	}
	e.strList(sortedKeys(ix.stopwords))
	regions := sortedKeys(ix.regions)
	e.strList(regions)
	for _, r := range regions {
		e.str(ix.regions[r])
	}
	e.u32(uint32(len(ix.aliases)))
	for _, a := range ix.aliases {
		e.str(a.short)
		e.str(a.long)
	}
	for _, l := range [...][]int32{ix.contentDocs, ix.namesSorted} {
		e.u32(uint32(len(l)))
		for _, v := range l {
			e.i32(v)
		}
	}
	e.bools(ix.strongTerm)
	e.bools(ix.titleTerm)
	e.bools([]bool{ix.hasDups})
	e.out = append(e.out, e.strs...)
	e.u32(uint32(len(e.strs)))
	return e.out, nil
}

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
	strs []byte
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

// str returns a string sharing the index's bytes: they are embedded in
// the program and never change.
func (d *decoder) str() string {
	off, n := int(d.u32()), int(d.u32())
	if off+n > len(d.strs) || off < 0 || n < 0 {
		d.err = errors.New("bad string")
		return ""
	}
	if n == 0 {
		return ""
	}
	return unsafe.String(&d.strs[off], n)
}

// strList slices a list out of pool, which has room for it.
func (d *decoder) strList(pool *[]string) []string {
	n := d.count(8)
	if n == 0 {
		return nil
	}
	start := len(*pool)
	for range n {
		*pool = append(*pool, d.str())
	}
	return (*pool)[start:len(*pool):len(*pool)]
}

// words returns the next n 32-bit values as a slice of T. On a
// little-endian machine with the bytes aligned it is the bytes
// themselves, not a copy: most of the index is its postings.
func words[T ~uint32 | ~int32](d *decoder, n int) []T {
	if n == 0 || d.err != nil || d.at+4*n > len(d.data) {
		return nil
	}
	b := d.data[d.at : d.at+4*n]
	d.at += 4 * n
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%4 == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), n)
	}
	out := make([]T, n)
	for i := range out {
		out[i] = T(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return out
}

var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

func (d *decoder) bools() []bool {
	n := d.count(1)
	out := make([]bool, n)
	for i := range out {
		out[i] = d.data[d.at+i] != 0
	}
	d.at += (n + 3) &^ 3
	return out
}

func (d *decoder) int32s() []int32 {
	out := make([]int32, d.count(4))
	for i := range out {
		out[i] = int32(d.u32())
	}
	return out
}

// Load reads an index written by MarshalBinary. The index keeps
// referring to data, which must not change.
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
	d := &decoder{data: data[:len(data)-4-n], at: 8, strs: data[len(data)-4-n : len(data)-4]}
	ix = &Index{}
	ix.docs = make([]docInfo, d.count(8))
	pool := make([]string, 0, 4*len(ix.docs))
	for i := range ix.docs {
		di := &ix.docs[i]
		di.ID, di.Kind, di.Title, di.Subtitle = d.str(), Kind(d.str()), d.str(), d.str()
		di.folded, di.core, di.Alias = d.str(), d.str(), d.str()
		di.Rank, di.dup = int(int32(d.u32())), int32(d.u32())
		di.names, di.codes = d.strList(&pool), d.strList(&pool)
		di.Regions, di.Departements = d.strList(&pool), d.strList(&pool)
	}
	ix.terms = make([]string, d.count(8))
	for i := range ix.terms {
		ix.terms[i] = d.str()
	}
	total := d.count(4)
	lens := make([]int, len(ix.terms))
	sum := 0
	for i := range lens {
		lens[i] = d.count(4)
		sum += lens[i]
	}
	if sum != total {
		d.err = errors.New("bad postings")
	}
	all := words[posting](d, total)
	ix.post = make([][]posting, len(ix.terms))
	for i, n := range lens {
		if d.err == nil {
			ix.post[i], all = all[:n:n], all[n:]
		}
	}
	nk := d.count(8)
	keys, glens := make([]uint32, nk), make([]int, nk)
	sum = 0
	for i := range keys {
		keys[i], glens[i] = d.u32(), d.count(4)
		sum += glens[i]
	}
	if d.count(4) != sum {
		d.err = errors.New("bad grams")
	}
	ids := words[int32](d, sum)
	ix.grams = make(map[uint32][]int32, nk)
	for i, k := range keys {
		if d.err == nil {
			ix.grams[k], ids = ids[:glens[i]:glens[i]], ids[glens[i]:]
		}
	}
	var small []string
	ix.stopwords = map[string]bool{}
	for _, w := range d.strList(&small) {
		ix.stopwords[w] = true
	}
	ix.regions = map[string]string{}
	for _, r := range d.strList(&small) {
		ix.regions[r] = d.str()
	}
	ix.aliases = make([]alias, d.count(16))
	for i := range ix.aliases {
		ix.aliases[i] = alias{d.str(), d.str()}
	}
	ix.contentDocs, ix.namesSorted = d.int32s(), d.int32s()
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
	for _, p := range ix.post {
		for _, q := range p {
			if q.doc() >= nd || int(q.field()) >= len(fieldWeight) {
				return errors.New("bad posting")
			}
		}
	}
	for _, ids := range ix.grams {
		for _, t := range ids {
			if t < 0 || t >= nt {
				return errors.New("bad gram")
			}
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
