package ui

import (
	"context"
	"fmt"
	"log"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reperecyber/content"
	"reperecyber/hours"
	"reperecyber/triage"
)

// triageScreen is the « que faire ? » wizard: one question per page with
// large numbered answers, then an outcome page with what to do now, what
// not to do, the evidence to keep and whom to call for the commune.
// Keys 1–9 answer; Retour arrière or Alt+← goes back.
type triageScreen struct {
	shell *shell
	tree  *triage.Tree
	walk  *triage.Walk
	box   *fyne.Container
	obj   fyne.CanvasObject
	// shown is the outcome on screen when it was opened directly (from
	// search) rather than reached by answering.
	shown *triage.Outcome
}

func newTriageScreen(s *shell) *triageScreen {
	t := &triageScreen{shell: s, box: container.NewVBox()}
	t.obj = container.NewVScroll(container.NewPadded(t.box))
	return t
}

// setLibrary takes the tree once the content is loaded; without a valid
// tree the wizard stays unavailable (the home screen says so).
func (t *triageScreen) setLibrary(lib *library) {
	if t.tree = lib.tree(); t.tree != nil {
		t.walk = triage.NewWalk(t.tree)
	}
}

func (t *triageScreen) content() fyne.CanvasObject { return t.obj }

// start shows the first question, or the outcome id directly.
func (t *triageScreen) start(outcomeID string) {
	t.shown = nil
	if t.tree == nil {
		t.box.Objects = []fyne.CanvasObject{heading("Que faire ?"), paragraph("Le parcours n'est pas disponible. Tapez ce qui se passe dans la recherche, ou appelez 17Cyber.")}
		t.box.Refresh()
		return
	}
	if outcomeID != "" {
		if o, ok := t.tree.Outcome(outcomeID); ok {
			t.shown = o
		}
	} else {
		t.walk.Restart()
	}
	t.render()
}

func (t *triageScreen) render() {
	node, outcome := t.walk.At()
	if t.shown != nil {
		node, outcome = nil, t.shown
	}
	if outcome != nil {
		t.box.Objects = t.outcomeObjects(outcome)
	} else {
		t.box.Objects = t.questionObjects(node)
	}
	t.box.Refresh()
	t.obj.(*container.Scroll).ScrollToTop()
}

func (t *triageScreen) questionObjects(n *triage.Node) []fyne.CanvasObject {
	step := len(t.walk.Path()) + 1
	left := t.walk.Remaining()
	progress := fmt.Sprintf("Question %d", step)
	if left > 1 {
		progress += fmt.Sprintf(" · encore %d au plus", left-1)
	}
	objs := []fyne.CanvasObject{note("Que faire ? · " + progress), heading(n.Question)}
	if n.Help != "" {
		objs = append(objs, paragraph(n.Help))
	}
	for i, o := range n.Options {
		i := i
		label := o.Label
		if i < 9 {
			label = strconv.Itoa(i+1) + ".  " + label
		}
		b := newButton(label, func() { t.onAnswer(i) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.HighImportance
		objs = append(objs, b)
	}
	objs = append(objs, widget.NewSeparator(), t.navButtons(), note("Touches 1 à 9 pour répondre · Retour arrière pour revenir à la question précédente"))
	return objs
}

func (t *triageScreen) navButtons() fyne.CanvasObject {
	back := newButtonWithIcon("Question précédente", theme.NavigateBackIcon(), t.onPrevious)
	if len(t.walk.Path()) == 0 && t.shown == nil {
		back.Disable()
	}
	restart := newButtonWithIcon("Recommencer", theme.ViewRefreshIcon(), t.onRestart)
	return container.NewHBox(back, restart)
}

func (t *triageScreen) outcomeObjects(o *triage.Outcome) []fyne.CanvasObject {
	lib := t.shell.lib
	objs := []fyne.CanvasObject{note("Que faire ? · Résultat"), heading(o.Title), paragraph(o.Summary)}
	if o.ContinueAt != "" && t.shown == nil {
		next := newButtonWithIcon("Continuer le parcours", theme.NavigateNextIcon(), t.onContinue)
		next.Importance = widget.HighImportance
		objs = append(objs, container.NewBorder(nil, nil, nil, next,
			note("Quand la situation est sous contrôle, continuez : quelques questions encore pour savoir quoi faire ensuite.")))
	}
	// Whom to call comes first: it is what a person in the middle of an
	// attack needs, before the steps. On a wide screen the two stand side
	// by side, « appelez » on the left.
	call := append(t.contactObjects(o), t.printButton(o))
	do := []fyne.CanvasObject{widget.NewSeparator(), subheading("À faire maintenant, dans l'ordre")}
	for i, step := range o.Steps {
		c := widget.NewCheck(fmt.Sprintf("%d. %s", i+1, step), nil)
		do = append(do, wrapCheck(c))
	}
	do = append(do, section("À ne pas faire", o.Dont)...)
	do = append(do, section("Preuves à garder", o.Evidence)...)
	do = append(do, section("Délais", o.Deadlines)...)
	do = append(do, t.seeAlso(o)...)
	if d, ok := lib.entries[o.Diagnosis]; ok {
		id := d.ID
		b := newButtonWithIcon("Comprendre : "+d.Title, theme.InfoIcon(), func() { t.shell.onOpenEntry(id) })
		b.Alignment = widget.ButtonAlignLeading
		do = append(do, widget.NewSeparator(), container.NewHBox(b))
	}
	objs = append(objs, container.New(&sideBySide{wide: wideOutcome}, container.NewVBox(call...), container.NewVBox(do...)))
	objs = append(objs, widget.NewSeparator(), t.navButtons())
	return objs
}

// wideOutcome is the width from which an outcome shows whom to call and
// what to do side by side (a 1920-pixel screen, not a laptop).
const wideOutcome = 1500

// sideBySide lays two columns side by side when it has at least wide
// pixels, one above the other otherwise. Its minimum size follows the
// width it was last given, so that a wide outcome does not leave the
// stacked height as blank space below it.
type sideBySide struct {
	wide float32
	last float32
}

func (l *sideBySide) split(width float32) bool { return width >= l.wide }

// Layout places the two columns.
func (l *sideBySide) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.last = size.Width
	if len(objs) != 2 {
		return
	}
	if !l.split(size.Width) {
		h := objs[0].MinSize().Height
		objs[0].Move(fyne.NewPos(0, 0))
		objs[0].Resize(fyne.NewSize(size.Width, h))
		objs[1].Move(fyne.NewPos(0, h))
		objs[1].Resize(fyne.NewSize(size.Width, size.Height-h))
		return
	}
	gap := theme.Padding() * 4
	w := (size.Width - gap) / 2
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(w, size.Height))
	objs[1].Move(fyne.NewPos(w+gap, 0))
	objs[1].Resize(fyne.NewSize(w, size.Height))
}

// MinSize is the wider column's width, and the stacked or side-by-side
// height.
func (l *sideBySide) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) != 2 {
		return fyne.Size{}
	}
	a, b := objs[0].MinSize(), objs[1].MinSize()
	if l.split(l.last) {
		return fyne.NewSize(max(a.Width, b.Width), max(a.Height, b.Height))
	}
	return fyne.NewSize(max(a.Width, b.Width), a.Height+b.Height)
}

// wrapCheck lets a long step wrap instead of widening the window; its
// text ticks the box too, so the whole row is one target.
func wrapCheck(c *widget.Check) fyne.CanvasObject {
	label := newTapLabel(c.Text, func() { c.SetChecked(!c.Checked) })
	c.Text = ""
	return container.NewBorder(nil, nil, c, nil, label)
}

// section is a titled bullet list; no items, no section (an empty
// heading reads as if something were missing).
func section(title string, items []string) []fyne.CanvasObject {
	if len(items) == 0 {
		return nil
	}
	objs := []fyne.CanvasObject{widget.NewSeparator(), subheading(title)}
	for _, it := range items {
		objs = append(objs, paragraph("•  "+it))
	}
	return objs
}

// contactObjects lists whom to call, resolved for the person's commune.
func (t *triageScreen) contactObjects(o *triage.Outcome) []fyne.CanvasObject {
	lib := t.shell.lib
	where := "Appelez maintenant"
	var place *content.Place
	if c := lib.commune; c != nil {
		place = &c.Place
		where += " (pour " + c.Place.Name + ")"
	}
	objs := []fyne.CanvasObject{widget.NewSeparator(), subheading(where)}
	if place == nil {
		choose := newButtonWithIcon("Choisir ma commune", theme.HomeIcon(), func() { t.shell.navigate(page{name: pageCommune}) })
		choose.Importance = widget.HighImportance
		objs = append(objs, container.NewBorder(nil, nil, nil, choose,
			paragraph("Choisissez votre commune pour voir ici son CSIRT et vos propres contacts (prestataire, assureur…).")))
	}
	calls, err := lib.core.WhomToCall(context.Background(), *o, place)
	if err != nil {
		log.Printf("whom to call for %s: %v", o.ID, err)
		objs = append(objs, paragraph("Les contacts de votre commune n'ont pas pu être lus. En cas de doute, appelez 17Cyber ou le 17."))
	}
	for _, r := range calls {
		if r.Note == triage.NoPlaceNote {
			continue // said once above, with the button to choose it
		}
		objs = append(objs, subheading(r.Label))
		if r.When != "" {
			objs = append(objs, note("Quand : "+r.When))
		}
		if r.Own != nil {
			objs = append(objs, t.ownCard(*r.Own))
		} else if r.Role != "" && place != nil {
			b := newButtonWithIcon("Enregistrer ce contact", theme.ContentAddIcon(), func() { t.shell.navigate(page{name: pageCommune}) })
			objs = append(objs, container.NewBorder(nil, nil, nil, b, paragraph(r.Note)))
			continue
		}
		if r.Note != "" {
			objs = append(objs, paragraph(r.Note))
		}
		for _, e := range r.Entries {
			objs = append(objs, t.callCard(e, len(r.Entries) > 1 || e.Title != r.Label))
		}
	}
	return objs
}

// callCard shows a service the way a person about to call needs it: its
// name, its main number, its hours. Sources, other addresses and notes
// are on its card, one click away.
// named repeats the title when the heading above named a role (« Le CSIRT
// de votre région »), not the service.
func (t *triageScreen) callCard(e content.Entry, named bool) fyne.CanvasObject {
	id := e.ID
	open := newButton("Voir la fiche", func() { t.shell.onOpenEntry(id) })
	title := ""
	if named {
		title = e.Title
	}
	parts := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, open, paragraph(title))}
	if c, ok := e.MainContact(); ok {
		parts = append(parts, callValue(c, t.shell.onCopy, t.shell.onOpenURL))
	}
	if h, ok := e.Hours(); ok {
		if now := openNow(e, h, t.shell.lib.core.Now()); now.Known {
			parts = append(parts, openBadge(now))
		}
		text := "Horaires : " + h.Value
		if doubt := h.ToConfirm(); doubt != "" {
			text += " (" + doubt + ")"
		}
		parts = append(parts, note(text))
	}
	return container.NewPadded(container.NewVBox(parts...))
}

// callValue is a number (or address) to use now, large, with Copier.
func callValue(c content.Contact, onCopy, onOpenURL func(string)) fyne.CanvasObject {
	value := widget.NewLabel(c.Value)
	value.TextStyle = fyne.TextStyle{Bold: true}
	value.SizeName = theme.SizeNameSubHeadingText
	value.Selectable = true
	// A long web address breaks anywhere rather than widen the window.
	value.Wrapping = fyne.TextWrapWord
	if c.Type == content.ContactURL || c.Type == content.ContactEmail {
		value.Wrapping = fyne.TextWrapBreak
	}
	v := c.Value
	buttons := []fyne.CanvasObject{newButtonWithIcon("Copier", theme.ContentCopyIcon(), func() { onCopy(v) })}
	if c.Type == content.ContactURL {
		buttons = append(buttons, newButtonWithIcon("Ouvrir le site", theme.ComputerIcon(), func() { onOpenURL(v) }))
	}
	row := container.NewBorder(nil, nil, widget.NewLabel(c.Type.Label()), container.NewHBox(buttons...), value)
	if doubt := c.ToConfirm(); doubt != "" {
		return container.NewVBox(row, note(strings.ToUpper(doubt[:1])+doubt[1:]+"."))
	}
	return row
}

// ownCard shows one of the mairie's own contacts with its numbers.
func (t *triageScreen) ownCard(c content.LocalContact) fyne.CanvasObject {
	parts := []fyne.CanvasObject{paragraph(c.Name)}
	for _, ct := range []content.Contact{{Type: content.ContactPhone, Value: c.Phone}, {Type: content.ContactEmail, Value: c.Email}} {
		if ct.Value != "" {
			parts = append(parts, callValue(ct, t.shell.onCopy, t.shell.onOpenURL))
		}
	}
	if c.Note != "" {
		parts = append(parts, note(c.Note))
	}
	return container.NewPadded(container.NewVBox(parts...))
}

func (t *triageScreen) printButton(o *triage.Outcome) fyne.CanvasObject {
	id := o.ID
	b := newButtonWithIcon("Imprimer cette fiche réflexe (PDF)", theme.DocumentPrintIcon(), func() { t.shell.onExportFiche(id) })
	j := newButtonWithIcon("Ouvrir un journal d'incident", theme.DocumentCreateIcon(), func() { t.shell.onOpenJournal(o) })
	return container.NewHBox(b, j)
}

func (t *triageScreen) onAnswer(i int) {
	if t.shown != nil {
		return
	}
	if err := t.walk.Answer(i); err != nil {
		return // a key for an answer that does not exist
	}
	if node, ok := t.walk.DeadEnd(); ok {
		t.recordDeadEnd(node)
	}
	t.render()
}

// recordDeadEnd notes a question where no answer fitted, like a search
// that found nothing: a failure is logged, never shown, since the person
// already has the generic outcome.
func (t *triageScreen) recordDeadEnd(node string) {
	c := t.shell.lib.core
	t.shell.background(func() {
		u, err := c.User()
		if err == nil {
			err = u.RecordDeadEnd(context.Background(), node)
		}
		if err != nil {
			log.Printf("dead end %s: %v", node, err)
		}
	})
}

// onContinue goes on from an outcome to its follow-up question (after
// the emergency call, the rest of the walk).
func (t *triageScreen) onContinue() {
	if err := t.walk.Continue(); err == nil {
		t.render()
	}
}

// seeAlso links to the outcomes for the other side of the situation.
func (t *triageScreen) seeAlso(o *triage.Outcome) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, id := range o.SeeAlso {
		other, ok := t.tree.Outcome(id)
		if !ok {
			continue
		}
		target := id
		b := newButton(other.Title, func() { t.shell.navigate(page{name: pageTriage, arg: target}) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		objs = append(objs, b)
	}
	if len(objs) == 0 {
		return nil
	}
	return append([]fyne.CanvasObject{widget.NewSeparator(), subheading("Voir aussi")}, objs...)
}

// onPrevious goes back one question; from the first one, or from an
// outcome opened directly (from search), it leaves the wizard.
func (t *triageScreen) onPrevious() {
	if t.shown != nil {
		t.shell.onBack()
		return
	}
	if !t.walk.Back() {
		t.shell.onBack()
		return
	}
	t.render()
}

func (t *triageScreen) onRestart() {
	t.shown = nil
	t.walk.Restart()
	t.render()
}

// onKey answers with digits and goes back with Retour arrière.
func (t *triageScreen) onKey(k *fyne.KeyEvent) bool {
	switch {
	case k.Name >= fyne.Key1 && k.Name <= fyne.Key9:
		t.onAnswer(int(k.Name[0] - '1'))
	case k.Name == fyne.KeyBackspace:
		t.onPrevious()
	default:
		return false
	}
	return true
}

// outcomeID is the outcome on screen, or "" during the questions.
func (t *triageScreen) outcomeID() string {
	if t.shown != nil {
		return t.shown.ID
	}
	if _, o := t.walk.At(); o != nil {
		return o.ID
	}
	return ""
}

// openNow says whether a service is open at now, from its hours read in
// its territory's time zone; the zero Status (nothing to claim) when the
// hours or the zone are not known for sure.
func openNow(e content.Entry, h content.Contact, now time.Time) hours.Status {
	sched, ok := hours.Parse(h.Value)
	if !ok || h.Status == content.StatusToCheck {
		return hours.Status{} // doubtful hours make no claim
	}
	loc, ok := hours.Zone(e.Regions...)
	if !ok {
		return hours.Status{}
	}
	return sched.ForRegions(e.Regions...).At(now.In(loc))
}

// openBadge shows « Ouvert maintenant… » or, closed, what to do instead:
// 17Cyber answers day and night.
func openBadge(st hours.Status) fyne.CanvasObject {
	if st.Open {
		l := widget.NewLabel(st.French())
		l.Importance = widget.SuccessImportance
		l.TextStyle = fyne.TextStyle{Bold: true}
		return l
	}
	b := badge(st.French()+". En attendant : 17Cyber, jour et nuit, ou le 17 en cas d'urgence.", widget.WarningImportance)
	b.Wrapping = fyne.TextWrapWord
	return b
}
