package export

// SetFastText lets the external tests compare the fast text path with
// fpdf's own Text (see TestFastTextSameBytes).
func SetFastText(on bool) { useFastText = on }

// SetFontCache lets the external tests compare documents whose fonts are
// kept across documents with fpdf's own (see TestFontCacheSamePages).
func SetFontCache(on bool) { cacheFonts = on }

// ForgetFonts empties the kept fonts, for benchmarks of a first document.
func ForgetFonts() {
	keptFonts.Lock()
	defer keptFonts.Unlock()
	clear(keptFonts.groups)
	keptFonts.order = nil
}
