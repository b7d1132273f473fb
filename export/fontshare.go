package export

import (
	"reflect"
	"sync"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"
)

// fpdf parses a UTF-8 font for every document that adds it, and hashes
// its 65 536 widths as JSON to name it: about 4 ms per document for our
// two fonts, more than drawing a page. It offers no way to add a font
// already parsed, so the fonts are parsed once, into a template document,
// and each new document gets a copy of that parsed state.
//
// What a document changes in a font's state, read in fpdf v0.12.0
// (fpdf.go addFontFromBytes, Text, putfonts; utf8fontfile.go
// GenerateCutFont):
//   - usedRunes, the characters drawn: each copy gets its own map;
//   - the utf8FontFile, re-read from its first byte when the document is
//     written (GenerateCutFont resets the reader position and replaces
//     every map and slice it fills): each copy gets its own struct and
//     reader over the same read-only font bytes;
//   - Cw, the widths, and the font bytes are only read: shared.
//
// The copy reaches unexported fields through reflect and unsafe, so it
// checks the shape it expects once and, on any surprise (a new fpdf
// version), documents fall back to fpdf's own AddUTF8FontFromBytes.
// TestSharedFontsSameBytes checks that both paths write the same bytes.

// shareFonts turns the shared path off when false (tests compare both).
var shareFonts = true

// addFonts adds the embedded regular and bold fonts to pdf. On the shared
// path it returns the sets of characters drawn in each (regular, bold),
// which fastText fills; otherwise nil, and text goes through fpdf's Text.
func addFonts(pdf *fpdf.Fpdf) *runeSets {
	if shareFonts {
		if t := fontTemplate(); t.ok {
			if used, ok := t.copyInto(pdf); ok {
				return used
			}
		}
	}
	f := fonts()
	pdf.AddUTF8FontFromBytes(family, "", f.regular)
	pdf.AddUTF8FontFromBytes(family, "B", f.bold)
	return nil
}

// runeSets are a document's own usedRunes maps, regular then bold: the
// characters its font subsets will hold.
type runeSets [2]map[int]int

// parsedFonts is the template document's font map, read-only once built.
type parsedFonts struct {
	fonts reflect.Value // map[string]fontDefType
	ok    bool
}

var fontTemplate = sync.OnceValue(func() parsedFonts {
	pdf := fpdf.New("P", "mm", "A4", "")
	f := fonts()
	pdf.AddUTF8FontFromBytes(family, "", f.regular)
	pdf.AddUTF8FontFromBytes(family, "B", f.bold)
	if pdf.Error() != nil {
		return parsedFonts{}
	}
	m, ok := fontMap(pdf)
	if !ok || m.Len() != 2 || !fontDefShape(m.Type().Elem()) {
		return parsedFonts{}
	}
	return parsedFonts{fonts: m, ok: true}
})

// fontMap is pdf's unexported map of fonts, settable.
func fontMap(pdf *fpdf.Fpdf) (reflect.Value, bool) {
	v := reflect.ValueOf(pdf).Elem().FieldByName("fonts")
	if !v.IsValid() || v.Kind() != reflect.Map || v.Type().Key().Kind() != reflect.String {
		return reflect.Value{}, false
	}
	return settable(v), true
}

// fontDefShape checks the fields the copy touches.
func fontDefShape(def reflect.Type) bool {
	if def.Kind() != reflect.Struct {
		return false
	}
	used, ok1 := def.FieldByName("usedRunes")
	file, ok2 := def.FieldByName("utf8File")
	if !ok1 || !ok2 || used.Type != reflect.TypeOf(map[int]int(nil)) || file.Type.Kind() != reflect.Pointer {
		return false
	}
	reader, ok := file.Type.Elem().FieldByName("fileReader")
	return ok && reader.Type.Kind() == reflect.Pointer && reader.Type.Elem().Kind() == reflect.Struct
}

// copyInto gives pdf its own copy of the parsed fonts and returns their
// usedRunes maps. It reports false, having changed nothing, if pdf
// already has fonts.
func (t parsedFonts) copyInto(pdf *fpdf.Fpdf) (*runeSets, bool) {
	dst, ok := fontMap(pdf)
	if !ok || dst.Len() != 0 || pdf.Error() != nil {
		return nil, false
	}
	var used runeSets
	iter := t.fonts.MapRange()
	for iter.Next() {
		def, runes := copyFontDef(iter.Value())
		dst.SetMapIndex(iter.Key(), def)
		switch iter.Key().String() {
		case family:
			used[0] = runes
		case family + "B":
			used[1] = runes
		}
	}
	if used[0] == nil || used[1] == nil {
		return nil, true // fonts copied; text through fpdf's Text
	}
	return &used, true
}

func copyFontDef(orig reflect.Value) (reflect.Value, map[int]int) {
	def := reflect.New(orig.Type()).Elem()
	def.Set(orig)
	used := settable(def.FieldByName("usedRunes"))
	runes := make(map[int]int, used.Len())
	for k, v := range used.Interface().(map[int]int) {
		runes[k] = v
	}
	used.Set(reflect.ValueOf(runes))
	file := settable(def.FieldByName("utf8File"))
	file.Set(shallowCopy(file))
	reader := settable(file.Elem().FieldByName("fileReader"))
	reader.Set(shallowCopy(reader))
	return def, runes
}

// shallowCopy returns a pointer to a new copy of what ptr points to.
func shallowCopy(ptr reflect.Value) reflect.Value {
	c := reflect.New(ptr.Type().Elem())
	c.Elem().Set(ptr.Elem())
	return c
}

// settable makes an unexported, addressable field readable and writable.
func settable(v reflect.Value) reflect.Value {
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}
