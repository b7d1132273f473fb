package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
)

// ErrTooLong is returned when a sheet cannot fit on one page even at the
// smallest type size. The limits on local contacts make it unreachable
// with valid data; the tests check the fullest case.
var ErrTooLong = errors.New("contact sheet does not fit on one page")

// minScale is the smallest type size a sheet shrinks to, relative to its
// designed size: below it, print is too small to read on a wall.
const minScale = 0.72

// maxScale lets a short sheet use the whole page: larger type reads better
// from across the room.
const maxScale = 1.15

// scaleStep is how finely the type size is adjusted.
const scaleStep = 0.025

// ContactSheet writes the one-page contact sheet of a commune as a PDF.
func ContactSheet(w io.Writer, d SheetData, opt Options) error {
	return ContactSheets(context.Background(), w, []SheetData{d}, opt, nil)
}

// ContactSheets writes one contact sheet per commune, one page each, in a
// single PDF (the fonts embedded once). progress, if not nil, is called
// after each page with the number done and the total. It stops with
// ctx.Err() when ctx is cancelled, having written nothing to w.
//
// It never panics: text the fonts cannot draw is refused, and any other
// failure comes back as an *Error carrying a French sentence.
func ContactSheets(ctx context.Context, w io.Writer, list []SheetData, opt Options, progress func(done, total int)) error {
	return guard("des fiches contacts", func() error { return contactSheets(ctx, w, list, opt, progress) })
}

func contactSheets(ctx context.Context, w io.Writer, list []SheetData, opt Options, progress func(done, total int)) error {
	if len(list) == 0 {
		return &Error{Message: "Aucune commune à imprimer : choisissez au moins une commune.", Err: errors.New("contact sheets: no commune")}
	}
	doc, err := newCheckedDocument(opt, sheetTitle(list), len(list))
	if err != nil {
		return err
	}
	for i, d := range list {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := doc.addSheet(d); err != nil {
			return sheetError(d, err)
		}
		if progress != nil {
			progress(i+1, len(list))
		}
	}
	return doc.finish(w)
}

// sheetError names the commune whose sheet failed.
func sheetError(d SheetData, err error) error {
	name := excerpt(d.Place.Name)
	if e, ok := err.(*Error); ok {
		return &Error{Message: "Fiche de " + name + " (" + d.Place.INSEE + ") : " + e.Message, Err: fmt.Errorf("sheet for %s: %w", d.Place.INSEE, e.Err)}
	}
	if errors.Is(err, ErrTooLong) {
		return &Error{Message: "La fiche de " + name + " ne tient pas sur une page : raccourcissez les notes des contacts locaux de cette commune, puis réessayez.", Err: err}
	}
	return fmt.Errorf("sheet for %s (%s): %w", name, d.Place.INSEE, err)
}

func sheetTitle(list []SheetData) string {
	if len(list) == 1 {
		return "Fiche contacts cyber – " + list[0].Place.Name
	}
	return fmt.Sprintf("Fiches contacts cyber – %d communes", len(list))
}

// addSheet adds the page of one commune.
func (doc *document) addSheet(d SheetData) error {
	s, err := BuildSheet(d)
	if err != nil {
		return err
	}
	return doc.addPage(s)
}

// addPage adds a page drawn from its description, at the largest type
// size that fits: the layout is measured first, shrinking step by step,
// then drawn.
func (doc *document) addPage(s Page) error {
	if err := checkPage(s, doc.opt); err != nil {
		return err
	}
	doc.pdf.AddPage()
	doc.sizes.started(doc.pdf)
	scale, err := doc.fitScale(s)
	if err != nil {
		return err
	}
	sp := doc.page(s, scale, true)
	sp.layout()
	if sp.err != nil {
		return sp.err
	}
	return doc.pdf.Error()
}

func (doc *document) page(s Page, scale float64, draw bool) *sheetPage {
	return &sheetPage{p: &pen{pdf: doc.pdf, text: doc.text, m: doc.m, draw: draw, scale: scale}, qr: doc.qr, s: s, opt: doc.opt, joins: doc.joins}
}

// fitScale finds, by bisection over steps of scaleStep, the largest
// scale at which the page fits.
func (doc *document) fitScale(s Page) (float64, error) {
	fits := func(step int) bool {
		return doc.page(s, maxScale-float64(step)*scaleStep, false).layout() <= pageH-margin
	}
	lo, hi := 0, int(math.Round((maxScale-minScale)/scaleStep)) // answer in [lo, hi]
	if !fits(hi) {
		return 0, ErrTooLong
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fits(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return maxScale - float64(lo)*scaleStep, nil
}
