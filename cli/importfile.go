package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"reperecyber/assets"
	"reperecyber/content"
)

// Limits on a contacts file, checked before it is read whole: a référent's
// file for a whole département is a few thousand rows and well under a
// megabyte; anything far larger is the wrong file.
const (
	maxImportBytes = 10 << 20
	maxImportRows  = 100_000
)

// readImportFile reads a contacts file of at most maxImportBytes, refusing
// what is not a regular file (a folder, a device) before reading it.
func readImportFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, userMessage(fmt.Sprintf("Impossible de lire « %s » : %s", printable(path), describeFileError(err)))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, userMessage(fmt.Sprintf("Impossible de lire « %s » : %s", printable(path), describeFileError(err)))
	}
	if !st.Mode().IsRegular() {
		return nil, userMessage(fmt.Sprintf("« %s » n'est pas un fichier ordinaire (un dossier ?) : indiquez un fichier .csv ou .toml.", printable(path)))
	}
	if st.Size() > maxImportBytes {
		return nil, tooBig(path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxImportBytes+1))
	if err != nil {
		return nil, userMessage(fmt.Sprintf("Impossible de lire « %s » : %s", printable(path), describeFileError(err)))
	}
	if len(data) > maxImportBytes {
		return nil, tooBig(path)
	}
	return data, nil
}

func tooBig(path string) error {
	return userMessage(fmt.Sprintf("« %s » dépasse %d Mo : ce n'est sans doute pas un fichier de contacts. Aucun contact n'a été importé.", printable(path), maxImportBytes>>20))
}

// describeFileError says in French why a file could not be opened.
func describeFileError(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "ce fichier n'existe pas (vérifiez le nom et le dossier)"
	case errors.Is(err, os.ErrPermission):
		return "accès refusé (vérifiez les droits du fichier)"
	}
	return err.Error()
}

// Encodings a contacts file may come in, as named to the person.
const (
	encUTF8        = "UTF-8"
	encUTF8BOM     = "UTF-8 (avec BOM)"
	encUTF16LE     = "UTF-16 LE"
	encUTF16BE     = "UTF-16 BE"
	encWindows1252 = "Windows-1252 (Excel « CSV (séparateur : point-virgule) »)"
)

// decodeText returns data as UTF-8 and the encoding it was read in: UTF-8
// (with or without a byte order mark), UTF-16 with a byte order mark, or
// else Windows-1252, what Excel writes on a French Windows. Text that is
// not valid UTF-8 would otherwise reach the PDF library, which panics on
// it.
func decodeText(data []byte) ([]byte, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		if !utf8.Valid(data) {
			return nil, "", userMessage("le fichier commence comme de l'UTF-8 mais contient des caractères invalides : enregistrez-le de nouveau en « CSV UTF-8 »")
		}
		return data, encUTF8BOM, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data, unicode.LittleEndian, encUTF16LE)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data, unicode.BigEndian, encUTF16BE)
	case bytes.IndexByte(data, 0) >= 0:
		return nil, "", userMessage("ce fichier n'est pas du texte (un classeur .xlsx ou .ods ?) : dans le tableur, choisissez Enregistrer sous… puis « CSV »")
	case utf8.Valid(data):
		return data, encUTF8, nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return nil, "", userMessage("encodage du fichier illisible : enregistrez-le en « CSV UTF-8 »")
	}
	return out, encWindows1252, nil
}

func decodeUTF16(data []byte, order unicode.Endianness, name string) ([]byte, string, error) {
	out, err := unicode.UTF16(order, unicode.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) {
		return nil, "", userMessage("le fichier annonce de l'UTF-16 mais est illisible : enregistrez-le en « CSV UTF-8 »")
	}
	return out, name, nil
}

// fonts are the PDF typefaces' character maps: a contact is refused at
// import if it holds a character they cannot draw (an emoji, Chinese…),
// which would print as a blank on the sheet.
var fonts = sync.OnceValues(func() ([]*sfnt.Font, error) {
	var out []*sfnt.Font
	for _, data := range [][]byte{assets.FontRegular, assets.FontBold} {
		f, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("parse embedded font: %w", err)
		}
		out = append(out, f)
	}
	return out, nil
})

// undrawable returns the characters of s that the PDF fonts cannot draw,
// each once, in order.
func undrawable(s string) []rune {
	fs, err := fonts()
	if err != nil {
		return nil // the embedded fonts always parse; the export checks again
	}
	var buf sfnt.Buffer
	var out []rune
	for _, r := range s {
		if r == ' ' || strings.ContainsRune(string(out), r) {
			continue
		}
		for _, f := range fs {
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// glyphProblems lists the fields of c holding characters the sheet cannot
// print.
func glyphProblems(c content.LocalContact) []string {
	var out []string
	for _, f := range []struct{ name, value string }{{"nom", c.Name}, {"téléphone", c.Phone}, {"courriel", c.Email}, {"note", c.Note}} {
		if bad := undrawable(f.value); len(bad) > 0 {
			out = append(out, fmt.Sprintf("%s : caractère%s %s impossible%s à imprimer sur la fiche (émoji, écriture non latine…) ; retirez-le%s",
				f.name, plural(len(bad), "", "s"), runeList(bad), plural(len(bad), "", "s"), plural(len(bad), "", "s")))
		}
	}
	return out
}

func runeList(rs []rune) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("« %s » (U+%04X)", printable(string(r)), r)
	}
	return strings.Join(parts, ", ")
}

// oneLine turns the line breaks, tabs and other control characters of a
// spreadsheet cell into spaces: a contact prints on one line, and control
// characters have no glyph.
func oneLine(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if isControl(r) {
			return ' '
		}
		return r
	}, s))
}
