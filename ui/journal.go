package ui

import (
	"context"
	"fmt"
	"log"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reperecyber/journal"
)

// JournalDeps is what the journal screen needs from the application: it
// knows no database and no shell. Load, AddEntry and AddEvidence have the
// signatures of store.User's Dossier, AddEntry and AddEvidence.
type JournalDeps struct {
	Load        func(ctx context.Context, id int64) (journal.Dossier, error)
	AddEntry    func(ctx context.Context, e journal.Entry) (journal.Entry, error)
	AddEvidence func(ctx context.Context, id int64, path string) (journal.Evidence, error)
	// ExportPDF writes the dossier to path (export.WriteFileAtomic over
	// export.Dossier).
	ExportPDF func(ctx context.Context, d journal.Dossier, path string) error
	Now       func() time.Time
	Location  *time.Location
	Window    fyne.Window
	// Print, when set, prints the dossier the way every PDF of the window
	// is printed (straight to the print folder); otherwise onExport asks
	// where to save it.
	Print func(d journal.Dossier)
	// Life, when set, runs the countdown (a refresh each minute) until it
	// ends: the application's lifetime.
	Life context.Context
}

// journalScreen keeps the log of one incident: the entry box has focus and
// Entrée saves the line; ticking a step logs it; deadlines count down.
type journalScreen struct {
	deps      JournalDeps
	bg        sync.WaitGroup
	d         journal.Dossier
	title     *widget.Label
	deadlines *widget.Label
	status    *widget.Label
	input     *widget.Entry
	kind      *widget.Select
	steps     *fyne.Container
	timeline  *widget.List
	evidence  *widget.Label
	obj       fyne.CanvasObject
}

var kindChoices = []string{"Note", "Constat", "Appel", "Décision", "Action"}

func newJournalScreen(deps JournalDeps) *journalScreen {
	js := &journalScreen{deps: deps, title: subheading(""), deadlines: paragraph(""), status: note(""),
		input: widget.NewEntry(), steps: container.NewVBox(), evidence: note("")}
	js.deadlines.TextStyle.Bold = true
	js.input.SetPlaceHolder("Ce qui a été vu, fait, décidé, ou qui a été appelé… puis Entrée")
	js.input.OnSubmitted = func(string) { js.onLog() }
	js.kind = widget.NewSelect(kindChoices, nil)
	js.kind.SetSelected("Note")
	js.timeline = widget.NewList(js.entryCount, func() fyne.CanvasObject { return widget.NewLabel("") }, js.updateEntry)
	save := newButtonWithIcon("Noter", theme.ConfirmIcon(), js.onLog)
	save.Importance = widget.HighImportance
	addEvidence := newButtonWithIcon("Ajouter une preuve (fichier)…", theme.FileIcon(), js.onAddEvidence)
	exportPDF := newButtonWithIcon("Exporter le dossier (PDF)", theme.DocumentSaveIcon(), js.onExport)
	top := container.NewVBox(js.title, js.deadlines,
		container.NewBorder(nil, nil, js.kind, save, js.input), js.status)
	side := container.NewVBox(subheading("À faire maintenant"), js.steps,
		subheading("Preuves"), js.evidence, addEvidence, exportPDF)
	js.obj = container.NewBorder(top, nil, nil, container.NewVScroll(side), js.timeline)
	if deps.Life != nil {
		js.countdown(deps.Life)
	}
	return js
}

func (js *journalScreen) content() fyne.CanvasObject { return js.obj }

// show loads an incident and puts the focus in the entry box.
func (js *journalScreen) show(id int64) {
	js.reload(id)
	if c := js.canvas(); c != nil {
		c.Focus(js.input)
	}
}

func (js *journalScreen) canvas() fyne.Canvas {
	if js.deps.Window == nil {
		return nil
	}
	return js.deps.Window.Canvas()
}

func (js *journalScreen) reload(id int64) {
	js.bg.Add(1)
	go func() {
		defer js.bg.Done()
		d, err := js.deps.Load(context.Background(), id)
		runOnMain(func() {
			if err != nil {
				log.Printf("load incident %d: %v", id, err)
				js.status.SetText("Le journal n'a pas pu être lu. Fermez puis rouvrez l'application ; vos entrées sont conservées.")
				return
			}
			js.d = d
			js.render()
		})
	}()
}

func (js *journalScreen) render() {
	inc := js.d.Incident
	js.title.SetText(fmt.Sprintf("Journal de l'incident n° %d · %s · %s", inc.ID, inc.Commune, incidentTitle(inc)))
	js.updateCountdown()
	js.renderSteps()
	js.renderEvidence()
	js.timeline.Refresh()
	js.timeline.ScrollToBottom()
}

func incidentTitle(inc journal.Incident) string {
	if inc.Title != "" {
		return inc.Title
	}
	return "sans diagnostic"
}

// updateCountdown rewrites the deadlines at the current time; the caller
// runs it each minute (countdown).
func (js *journalScreen) updateCountdown() {
	now := js.deps.Now()
	var lines []string
	for _, d := range journal.Deadlines(js.d.Incident) {
		line := d.Label + " : " + d.Text
		if d.HasDue() {
			line = d.Label + " : " + journal.Remaining(now, d.Due) + " (avant le " + journal.DateTime(d.Due, js.deps.Location) + ")"
		}
		lines = append(lines, line)
	}
	js.deadlines.SetText(strings.Join(lines, "\n"))
}

// countdown refreshes the deadlines each minute until ctx ends.
func (js *journalScreen) countdown(ctx context.Context) {
	t := time.NewTicker(time.Minute)
	go func() {
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				runOnMain(js.updateCountdown)
			}
		}
	}()
}

func (js *journalScreen) renderSteps() {
	js.steps.RemoveAll()
	for _, it := range journal.Checklist(js.d.Incident, js.d.Entries) {
		label := it.Text
		if it.Done {
			label += " (" + journal.Clock(it.At, js.deps.Location) + ")"
		}
		c := widget.NewCheck(label, nil)
		c.SetChecked(it.Done)
		step := it.Step
		c.OnChanged = func(on bool) { js.onTick(step, on) }
		js.steps.Add(c)
	}
}

func (js *journalScreen) renderEvidence() {
	if len(js.d.Evidence) == 0 {
		js.evidence.SetText("Aucune preuve pour l'instant.")
		return
	}
	var lines []string
	for _, ev := range js.d.Evidence {
		lines = append(lines, ev.Name+"\nSHA-256 "+ev.SHA256)
	}
	js.evidence.SetText(strings.Join(lines, "\n"))
}

func (js *journalScreen) entryCount() int { return len(js.d.Entries) }

func (js *journalScreen) updateEntry(i widget.ListItemID, o fyne.CanvasObject) {
	e := js.d.Entries[i]
	text := fmt.Sprintf("%s · %s : %s", journal.Short(e.At, js.deps.Location), e.Kind.Label(), e.Text)
	if e.Corrects != 0 && e.Step == 0 {
		text += fmt.Sprintf(" (corrige l'entrée n° %d)", e.Corrects)
	}
	o.(*widget.Label).SetText(text)
}

func (js *journalScreen) selectedKind() journal.Kind {
	k, _ := journal.ParseKind(js.kind.Selected)
	return k
}

// onLog saves the typed line; the box is emptied only once the entry is
// committed, so nothing typed is lost on an error.
func (js *journalScreen) onLog() {
	text := js.input.Text
	if p := journal.CheckEntry(text); p != "" {
		js.status.SetText(p)
		return
	}
	js.add(journal.Entry{IncidentID: js.d.Incident.ID, Kind: js.selectedKind(), Text: text}, func() { js.input.SetText("") })
}

// onTick logs a step ticked or unticked, with its time.
func (js *journalScreen) onTick(step int, on bool) {
	items := journal.Checklist(js.d.Incident, js.d.Entries)
	if step < 1 || step > len(items) || items[step-1].Done == on {
		return
	}
	e := journal.Entry{IncidentID: js.d.Incident.ID, Kind: journal.KindAction, Step: step, Text: journal.StepText(items[step-1].Text)}
	if !on {
		e.Text, e.Corrects = journal.UntickText(items[step-1].Text), js.lastTick(step)
	}
	js.add(e, nil)
}

func (js *journalScreen) lastTick(step int) int64 {
	var id int64
	for _, e := range js.d.Entries {
		if e.Step == step && e.Corrects == 0 {
			id = e.ID
		}
	}
	return id
}

func (js *journalScreen) add(e journal.Entry, done func()) {
	js.status.SetText("Enregistrement…")
	js.bg.Add(1)
	go func() {
		defer js.bg.Done()
		saved, err := js.deps.AddEntry(context.Background(), e)
		runOnMain(func() {
			if err != nil {
				log.Printf("add entry: %v", err)
				js.status.SetText("Entrée NON enregistrée. Votre texte est resté dans la case : réessayez, ou notez-le sur papier.")
				js.renderSteps()
				return
			}
			js.d.Entries = append(js.d.Entries, saved)
			js.status.SetText("Enregistré à " + journal.Clock(saved.At, js.deps.Location) + ".")
			if done != nil {
				done()
			}
			js.render()
		})
	}()
}

func (js *journalScreen) onAddEvidence() {
	if js.deps.Window == nil {
		return
	}
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		js.addEvidence(path)
	}, js.deps.Window)
}

func (js *journalScreen) addEvidence(path string) {
	js.status.SetText("Copie de la preuve…")
	id := js.d.Incident.ID
	js.bg.Add(1)
	go func() {
		defer js.bg.Done()
		ev, err := js.deps.AddEvidence(context.Background(), id, path)
		runOnMain(func() {
			if err != nil {
				log.Printf("add evidence %s: %v", path, err)
				js.status.SetText("La preuve n'a pas pu être copiée. L'original n'a pas été modifié. Vérifiez que le fichier s'ouvre, puis réessayez.")
				return
			}
			js.d.Evidence = append(js.d.Evidence, ev)
			js.status.SetText("Preuve copiée : " + ev.Name + ".")
			js.renderEvidence()
		})
	}()
}

func (js *journalScreen) onExport() {
	if js.deps.Print != nil {
		js.deps.Print(js.d)
		return
	}
	if js.deps.Window == nil {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		js.exportTo(path)
	}, js.deps.Window)
	d.SetFileName(fmt.Sprintf("dossier-incident-%d.pdf", js.d.Incident.ID))
	d.Show()
}

func (js *journalScreen) exportTo(path string) {
	js.status.SetText("Création du dossier…")
	d := js.d
	js.bg.Add(1)
	go func() {
		defer js.bg.Done()
		err := js.deps.ExportPDF(context.Background(), d, path)
		runOnMain(func() {
			if err != nil {
				log.Printf("export dossier %s: %v", path, err)
				js.status.SetText("Le dossier n'a pas pu être écrit. Choisissez un autre dossier (par exemple Documents) et réessayez.")
				return
			}
			js.status.SetText("Dossier enregistré : " + path)
		})
	}()
}
