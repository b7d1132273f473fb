package ui

import (
	"context"
	"errors"
	"io"
	"log"
	"net/url"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"reperecyber/content"
	"reperecyber/core"
	"reperecyber/export"
)

// settingExportDir remembers the folder PDFs were last saved to.
const settingExportDir = "export_dir"

// pdfJob writes one PDF; ctx is cancelled when the person presses Annuler.
type pdfJob func(ctx context.Context, w io.Writer, progress func(done, total int)) error

// wireExport connects the print buttons of every screen.
func (s *shell) wireExport() {
	s.exportEntry = s.onExportEntry
	s.exportSheet = s.onExportSheet
	s.exportFiche = s.onExportFiche
}

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

// onExportSheet prints the contact sheet of the person's commune.
func (s *shell) onExportSheet() {
	c := s.lib.commune
	if c == nil {
		s.navigate(page{name: pageCommune})
		s.status.SetText("Choisissez d'abord votre commune : la fiche contacts lui est propre.")
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

// exportPDF asks for a folder, then writes the PDF there in the
// background. A folder, not a file, is asked for because Fyne's save
// dialog empties an existing file the moment it is chosen: here the file
// is only replaced, atomically, once the new one is complete.
func (s *shell) exportPDF(name string, batch bool, job pdfJob) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return // cancelled
		}
		s.setSetting(settingExportDir, dir.Path())
		s.writePDF(filepath.Join(dir.Path(), name), batch, job)
	}, s.win)
	if loc := s.exportDir(); loc != nil {
		d.SetLocation(loc)
	}
	d.Show()
}

// exportDir is the last folder used, else Documents, else the home folder.
func (s *shell) exportDir() fyne.ListableURI {
	home, _ := os.UserHomeDir()
	for _, dir := range []string{s.lib.settings[settingExportDir], filepath.Join(home, "Documents"), home} {
		if dir == "" {
			continue
		}
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			return l
		}
	}
	return nil
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
	s.status.SetText("Création du PDF…")
	s.background(func() {
		err := export.WriteFileAtomic(path, func(w io.Writer) error { return job(ctx, w, progress) })
		runOnMain(func() {
			if prog != nil {
				prog.Hide() // its close handler cancels a context now done: harmless
			}
			cancel()
			s.onPDFWritten(path, err)
		})
	})
}

func (s *shell) onPDFWritten(path string, err error) {
	switch {
	case errors.Is(err, context.Canceled):
		s.status.SetText("Création annulée : aucun fichier n'a été écrit.")
	case err != nil:
		log.Printf("export %s: %v", path, err)
		s.status.SetText("Le PDF n'a pas pu être créé.")
		dialog.ShowInformation("PDF non créé", "Le fichier n'a pas pu être écrit dans ce dossier.\nChoisissez un autre dossier (par exemple Documents) et réessayez.\n\nAucun fichier existant n'a été modifié.", s.win)
	default:
		s.status.SetText("PDF enregistré : " + path)
		msg := widget.NewLabel("Le PDF est enregistré ici :\n" + path)
		dialog.ShowCustomConfirm("PDF enregistré", "Ouvrir", "Fermer", msg, func(open bool) {
			if open {
				s.app.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(path)})
			}
		}, s.win)
	}
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
