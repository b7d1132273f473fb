// Package export prints Repère Cyber's content to PDF: the personalised
// contact sheet of a commune (one A4 page to pin next to the mairie's
// phone), batches of sheets for référents, fiches réflexes and any card.
//
// It takes plain domain types (package content) and writes PDF bytes; it
// knows nothing of SQLite or Fyne. The PDF library (codeberg.org/go-pdf/fpdf)
// stays behind this package's functions. Fonts come embedded from package
// assets, never from the disk, and a fixed Options.Date makes the output
// reproducible byte for byte.
package export
