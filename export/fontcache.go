package export

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// fpdf writes each UTF-8 font of a document, when the document is output,
// as seven objects: the font, its CID font (with the widths of the
// characters used), the ToUnicode map, the CID system info, the
// descriptor, the CID-to-glyph map and the font file cut down to the
// characters used. Cutting the font and compressing the last two (with a
// new zlib writer each, 1.2 MB of memory) were three quarters of the time
// of one contact sheet, and most of its allocations, for bytes that
// depend only on the font and the set of characters drawn: a sheet
// printed again, or its preview and then the sheet, draws the same ones.
//
// So the seven objects are kept per font and set of characters, as fpdf
// writes them, with their numbers relative to the first. A document
// whose fonts are all kept has them declared to fpdf as core fonts just
// before it is output: fpdf then writes one small object for each, in
// its place, and writeCompressed puts the font's kept objects there and
// after the last one, numbered on. A set met for the first time is
// written once by fpdf in a document of its own, with those characters
// and no text, and kept from it: every document, kept fonts or not, is
// laid out the same way, so the bytes do not depend on what was printed
// before (TestReproducible), and TestFontCacheSamePages checks they
// show the same pages as fpdf's own fonts.

// cacheFonts turns the kept fonts off when false (tests compare both).
var cacheFonts = true

// fontGroupObjects is how many objects fpdf writes for a UTF-8 font.
const fontGroupObjects = 7

// fontGroup is a font's seven objects, each cut around its references to
// the others, which are numbered from 0 (the font object) to 6.
type fontGroup [fontGroupObjects][]piece

// piece is literal text followed, unless ref is -1, by a reference
// « n 0 R » to the group's object ref.
type piece struct {
	text []byte
	ref  int
}

// keptFonts holds the groups already written, by font and set of
// characters. Few sets recur (a commune's sheet, its preview, the same
// fiches), so a handful is kept, the oldest dropped first.
var keptFonts = struct {
	sync.Mutex
	groups map[string]*fontGroup
	order  []string
}{groups: map[string]*fontGroup{}}

const keptFontsMax = 32

func keptGroup(key string) *fontGroup {
	keptFonts.Lock()
	defer keptFonts.Unlock()
	return keptFonts.groups[key]
}

func keepGroup(key string, g *fontGroup) {
	keptFonts.Lock()
	defer keptFonts.Unlock()
	if _, ok := keptFonts.groups[key]; ok {
		return
	}
	if len(keptFonts.order) == keptFontsMax {
		delete(keptFonts.groups, keptFonts.order[0])
		keptFonts.order = slices.Delete(keptFonts.order, 0, 1)
	}
	keptFonts.groups[key] = g
	keptFonts.order = append(keptFonts.order, key)
}

// fontSwap is what finish needs to put a document's kept fonts back:
// their groups, by the key of the font in fpdf's font map.
type fontSwap struct {
	pdf    *fpdf.Fpdf
	names  []string // sorted
	groups []*fontGroup
}

// swapFonts finds, or has fpdf write once, the groups of pdf's fonts,
// and declares those fonts core fonts for the output. It returns nil,
// having changed nothing, when the fonts are not the shared ones or not
// as expected: the document is then written by fpdf alone.
func swapFonts(pdf *fpdf.Fpdf) *fontSwap {
	if !cacheFonts || !shareFonts || !fontTemplate().ok {
		return nil
	}
	m, ok := fontMap(pdf)
	if !ok || m.Len() != 2 {
		return nil
	}
	s := &fontSwap{pdf: pdf}
	keys := make([]string, 0, 2)
	runes := make([]map[int]int, 0, 2)
	names := m.MapKeys()
	slices.SortFunc(names, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
	for _, k := range names {
		def := m.MapIndex(k)
		if def.FieldByName("Tp").String() != "UTF8" {
			return nil
		}
		used := settable(copyOf(def).FieldByName("usedRunes")).Interface().(map[int]int)
		key, ok := runeKey(k.String(), used)
		if !ok {
			return nil
		}
		s.names = append(s.names, k.String())
		keys = append(keys, key)
		runes = append(runes, used)
	}
	for _, key := range keys {
		s.groups = append(s.groups, keptGroup(key))
	}
	if slices.Contains(s.groups, nil) {
		written, err := writeFontGroups(s.names, runes)
		if err != nil {
			return nil // fpdf did not write them as expected: it writes this document alone
		}
		for i, key := range keys {
			keepGroup(key, written[i])
		}
		s.groups = written
	}
	for _, name := range s.names {
		def := copyOf(m.MapIndex(reflect.ValueOf(name)))
		def.FieldByName("Tp").SetString("Core")
		m.SetMapIndex(reflect.ValueOf(name), def)
	}
	return s
}

// copyOf returns an addressable copy of a map value.
func copyOf(v reflect.Value) reflect.Value {
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	return c
}

// runeKey names a font and its set of characters: fpdf records a
// character drawn as itself, and starts every font with the first 57
// codes recorded as 0. Any other value is a state this cache does not
// know: false.
func runeKey(font string, used map[int]int) (string, bool) {
	codes := make([]int, 0, len(used))
	for k, v := range used {
		if v != k && v != 0 || k < 0 || k > utf8.MaxRune {
			return "", false
		}
		codes = append(codes, k)
	}
	slices.Sort(codes)
	b := append([]byte(font), 0)
	for _, c := range codes {
		b = utf8.AppendRune(b, rune(c))
		b = append(b, byte(min(used[c], 1))) // drawn or not
	}
	return string(b), true
}

// writeFontGroups has fpdf write a document holding only the shared fonts,
// named names, with the sets of characters runes, and returns their
// groups, cut from its output.
func writeFontGroups(names []string, runes []map[int]int) ([]*fontGroup, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	used, ok := fontTemplate().copyInto(pdf)
	if !ok || used == nil {
		return nil, errFontGroup
	}
	m, _ := fontMap(pdf)
	for i, name := range names {
		def := m.MapIndex(reflect.ValueOf(name))
		if !def.IsValid() {
			return nil, errFontGroup
		}
		mine := settable(copyOf(def).FieldByName("usedRunes")).Interface().(map[int]int)
		clear(mine) // the very map the copy holds: fpdf reads it when writing
		for k, v := range runes[i] {
			mine[k] = v
		}
	}
	var out captured
	if err := pdf.Output(&out); err != nil {
		return nil, err
	}
	x, err := readXref(out.b)
	if err != nil {
		return nil, err
	}
	groups := make([]*fontGroup, len(names))
	for i, name := range names {
		first := int(m.MapIndex(reflect.ValueOf(name)).FieldByName("N").Int())
		if groups[i], err = cutGroup(out.b, x, first); err != nil {
			return nil, err
		}
	}
	return groups, nil
}

var errFontGroup = errors.New("fpdf did not write a font as expected")

var objRef = regexp.MustCompile(`\b([0-9]+) 0 R\b`)

// cutGroup cuts the seven objects from first on out of pdf, each after
// its « n 0 obj » line, and their references to one another.
func cutGroup(pdf []byte, x xref, first int) (*fontGroup, error) {
	if first < 1 || first+fontGroupObjects-1 > len(x.offsets) {
		return nil, errFontGroup
	}
	var g fontGroup
	for k := range fontGroupObjects {
		obj, ok := objectAt(pdf, x, first+k)
		if !ok {
			return nil, errFontGroup
		}
		// Streams are kept as they are: their data may hold anything.
		// Dictionaries have their references to the group cut out.
		if head, _, isStream := bytes.Cut(obj, []byte("stream\n")); isStream {
			if objRef.Match(head) {
				return nil, errFontGroup
			}
			g[k] = []piece{{text: obj, ref: -1}}
			continue
		}
		rest := obj
		for {
			loc := objRef.FindSubmatchIndex(rest)
			if loc == nil {
				g[k] = append(g[k], piece{text: rest, ref: -1})
				break
			}
			n, _ := strconv.Atoi(string(rest[loc[2]:loc[3]]))
			if n < first || n >= first+fontGroupObjects {
				return nil, errFontGroup // fpdf's fonts refer only to their own objects
			}
			g[k] = append(g[k], piece{text: rest[:loc[0]], ref: n - first})
			rest = rest[loc[1]:]
		}
	}
	return &g, nil
}

// objectAt returns object n of pdf, after its « n 0 obj » line.
func objectAt(pdf []byte, x xref, n int) ([]byte, bool) {
	start := x.offsets[n-1]
	end := x.start
	for _, off := range x.offsets {
		if off > start && off < end {
			end = off
		}
	}
	obj := pdf[start:end]
	head, body, ok := bytes.Cut(obj, []byte("\n"))
	if !ok || string(head) != strconv.Itoa(n)+" 0 obj" {
		return nil, false
	}
	return bytes.Clone(body), true
}

// pieces returns, once the document is output with core fonts in place of
// the kept ones (one object each) and last objects, the objects to put in
// place of those, by number, and the ones to add after the last, each as
// the text after its « n 0 obj » line.
func (s *fontSwap) pieces(last int) (replace map[int][]byte, extra [][]byte, err error) {
	m, ok := fontMap(s.pdf)
	if !ok {
		return nil, nil, errFontGroup
	}
	replace = map[int][]byte{}
	next := last + 1
	for i, name := range s.names {
		def := m.MapIndex(reflect.ValueOf(name))
		if !def.IsValid() || def.FieldByName("Tp").String() != "Core" {
			return nil, nil, errFontGroup
		}
		at := int(def.FieldByName("N").Int())
		if at < 1 || at > last {
			return nil, nil, fmt.Errorf("%w: font object %d", errFontGroup, at)
		}
		// The group's first object takes the core font's place; the six
		// others follow the document's last object.
		var nums [fontGroupObjects]int
		nums[0] = at
		for k := 1; k < fontGroupObjects; k++ {
			nums[k] = next
			next++
		}
		for k, pieces := range s.groups[i] {
			var b []byte
			for _, p := range pieces {
				b = append(b, p.text...)
				if p.ref >= 0 {
					b = strconv.AppendInt(b, int64(nums[p.ref]), 10)
					b = append(b, " 0 R"...)
				}
			}
			if k == 0 {
				replace[at] = b
			} else {
				extra = append(extra, b)
			}
		}
	}
	return replace, extra, nil
}
