package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reperecyber/content"
	"reperecyber/core"
	"reperecyber/export"
	"reperecyber/journal"
)

// pdfJob writes one PDF; ctx is cancelled when the person presses Annuler.
type pdfJob func(ctx context.Context, w io.Writer, progress func(done, total int)) error

func (s *shell) exportOptions() export.Options { return s.lib.core.PrintOptions() }

func (s *shell) onExportEntry(id string) {
	e, ok := s.lib.entries[id]
	if !ok {
		return
	}
	opt := s.exportOptions()
	s.exportPDF(core.CardFileName(id), false, func(_ context.Context, w io.Writer, _ func(int, int)) error {
		return export.EntryCard(w, e, opt)
	})
}

// onExportSheet prints the contact sheet of the person's commune. Contacts
// typed on « Ma commune » and not saved yet are saved first, so that the
// sheet never silently leaves out what the person sees on screen.
func (s *shell) onExportSheet() {
	if s.current().name == pageCommune && s.commune.local.unsaved() {
		s.commune.local.saveThen(s.onExportSheet)
		return
	}
	c := s.lib.commune
	if c == nil {
		s.navigate(page{name: pageCommune})
		s.say("Choisissez d'abord votre commune : la fiche contacts lui est propre.")
		return
	}
	lib, opt, place := s.lib, s.exportOptions(), c.Place
	s.exportPDF(core.SheetFileName(place), false, func(ctx context.Context, w io.Writer, _ func(int, int)) error {
		data, err := lib.core.Sheets(ctx, []content.Place{place})
		if err != nil {
			return err
		}
		return export.ContactSheet(w, data[0], opt)
	})
}

func (s *shell) onExportFiche(outcomeID string) {
	lib := s.lib
	o, ok := lib.core.Outcome(outcomeID)
	if !ok {
		return
	}
	var place *content.Place
	if c := lib.commune; c != nil {
		place = &c.Place
	}
	opt := s.exportOptions()
	s.exportPDF(core.FicheFileName(*o, place), false, func(ctx context.Context, w io.Writer, _ func(int, int)) error {
		data, err := lib.core.Fiche(ctx, *o, place)
		if err != nil {
			return err
		}
		return export.Fiche(w, data, opt)
	})
}

// exportPDF writes the PDF straight into the print folder (Documents/
// Repère Cyber unless the person chose another) under its readable name:
// no dialog stands between Ctrl+P and the paper. « Enregistrer sous… »
// is offered afterwards.
func (s *shell) exportPDF(name string, batch bool, job pdfJob) {
	dir, err := s.lib.core.PrintDir(context.Background())
	if err != nil {
		log.Printf("print folder: %v", err)
		s.saveAs(name, batch, job)
		return
	}
	s.writePDF(filepath.Join(dir, name), batch, job)
}

// saveAs asks for a folder, then writes the PDF there. A folder, not a
// file, is asked for because Fyne's save dialog empties an existing file
// the moment it is chosen: here the file is only replaced, atomically,
// once the new one is complete.
func (s *shell) saveAs(name string, batch bool, job pdfJob) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return // cancelled
		}
		path := dir.Path()
		s.saveUserData("le dossier choisi", func(ctx context.Context, c *core.Core) error { return c.SetPrintDir(ctx, path) })
		s.writePDF(filepath.Join(path, name), batch, job)
	}, s.win)
	if dir, err := s.lib.core.PrintDir(context.Background()); err == nil {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show()
}

// writePDF runs job into path off the UI goroutine, with a progress
// dialog for batches, then offers to open the file.
func (s *shell) writePDF(path string, batch bool, job pdfJob) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	var prog dialog.Dialog
	progress := func(int, int) {}
	if batch {
		prog = dialog.NewCustom("Création des fiches…", "Annuler", bar, s.win)
		prog.SetOnClosed(cancel)
		prog.Show()
		progress = func(done, total int) { runOnMain(func() { bar.SetValue(float64(done) / float64(max(total, 1))) }) }
	}
	s.say("Création du PDF…")
	s.background(func() {
		err := export.WriteFileAtomic(path, func(w io.Writer) error { return job(ctx, w, progress) })
		runOnMain(func() {
			if prog != nil {
				prog.Hide() // its close handler cancels a context now done: harmless
			}
			cancel()
			s.onPDFWritten(path, err, batch, job)
		})
	})
}

func (s *shell) onPDFWritten(path string, err error, batch bool, job pdfJob) {
	switch {
	case errors.Is(err, context.Canceled):
		s.say("Création annulée : aucun fichier n'a été écrit.")
	case err != nil:
		log.Printf("export %s: %v", path, err)
		s.say("Le PDF n'a pas pu être créé.")
		if msg, ok := export.UserMessage(err); ok {
			// the content itself cannot be printed: another folder would not help
			dialog.ShowInformation("PDF non créé", msg+"\n\nAucun fichier n'a été écrit.", s.win)
			return
		}
		name := filepath.Base(path)
		dialog.ShowCustomConfirm("PDF non créé", "Choisir un autre dossier…", "Fermer",
			widget.NewLabel("Le fichier n'a pas pu être écrit dans ce dossier :\n"+filepath.Dir(path)+"\n\nAucun fichier existant n'a été modifié."),
			func(other bool) {
				if other {
					s.saveAs(name, batch, job)
				}
			}, s.win)
	default:
		s.say("PDF enregistré : " + path)
		s.showWritten(path, batch, job)
	}
}

// showWritten offers what people do next with a PDF: open it to print,
// open its folder, or save it elsewhere (a USB key).
func (s *shell) showWritten(path string, batch bool, job pdfJob) {
	var d dialog.Dialog
	openFile := newButtonWithIcon(openLabel(path), theme.DocumentPrintIcon(), func() {
		d.Hide()
		s.openPath(path)
	})
	openFile.Importance = widget.HighImportance
	openDir := newButtonWithIcon("Ouvrir le dossier", theme.FolderOpenIcon(), func() {
		d.Hide()
		s.openPath(filepath.Dir(path))
	})
	other := newButtonWithIcon("Enregistrer sous…", theme.DocumentSaveIcon(), func() {
		d.Hide()
		s.saveAs(filepath.Base(path), batch, job)
	})
	closeBtn := newButton("Fermer", func() { d.Hide() })
	buttons := container.NewHBox(openFile, openDir, other, closeBtn)
	if job == nil { // not a PDF made here (a data file): nothing to make again elsewhere
		buttons = container.NewHBox(openFile, openDir, closeBtn)
	}
	body := container.NewVBox(
		paragraph("Le fichier est enregistré ici :\n"+path),
		buttons,
	)
	d = dialog.NewCustomWithoutButtons("Fichier enregistré", body, s.win)
	d.Show()
	s.win.Canvas().Focus(openFile)
}

// openPath opens a file or folder with the system's program for it.
func (s *shell) openPath(path string) {
	// Fyne's file URI spells Windows paths right (file:///C:/…).
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err == nil {
		err = s.app.OpenURL(u)
	}
	if err != nil {
		log.Printf("open %s: %v", path, err)
		s.say("Impossible d'ouvrir « " + path + " » : ouvrez-le depuis votre explorateur de fichiers.")
	}
}

// onExportDossier prints an incident's dossier into the print folder.
func (s *shell) onExportDossier(d journal.Dossier) {
	opt := s.exportOptions()
	name := fmt.Sprintf("dossier-incident-%d-%s.pdf", d.Incident.ID, core.Slug(d.Incident.Commune))
	s.exportPDF(name, false, func(_ context.Context, w io.Writer, _ func(int, int)) error {
		return export.Dossier(w, d, time.Local, opt)
	})
}

// onExportBatch prints one contact sheet per commune of a département or
// an intercommunality, in one PDF, for référents.
func (s *shell) onExportBatch(name string, places func(context.Context) ([]content.Place, error)) {
	lib, opt := s.lib, s.exportOptions()
	s.exportPDF(name, true, func(ctx context.Context, w io.Writer, progress func(int, int)) error {
		list, err := places(ctx)
		if err != nil {
			return err
		}
		sheets, err := lib.core.Sheets(ctx, list)
		if err != nil {
			return err
		}
		return export.ContactSheets(ctx, w, sheets, opt, progress)
	})
}

// openLabel names the button that opens a written file.
func openLabel(path string) string {
	if strings.HasSuffix(path, ".pdf") {
		return "Ouvrir le PDF"
	}
	return "Ouvrir le fichier"
}
