package ui

import (
	"context"
	"errors"
	"log"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reperecyber/content"
	"reperecyber/store"
)

// localContactsForm edits the contacts a mairie knows for itself (its
// brigade, IT provider, insurer…), printed on its contact sheet. Rows are
// checked all together: nothing is saved while one is wrong.
type localContactsForm struct {
	shell *shell
	insee string
	rows  map[content.Role]*localRow
	// loaded is what the form showed, with each row's version: only rows
	// the person changed are saved, a row changed elsewhere meanwhile (an
	// import) is reported instead of overwritten, and the notes of
	// imported contacts, which the form does not show, are kept.
	loaded map[content.Role]store.EditableContact
	// notice is shown once the form is filled again after a save.
	notice string
	errors *widget.Label
	save   *button
	obj    fyne.CanvasObject
}

type localRow struct {
	name, phone, email *widget.Entry
}

func newLocalContactsForm(s *shell) *localContactsForm {
	f := &localContactsForm{shell: s, rows: map[content.Role]*localRow{}, errors: paragraph("")}
	f.errors.Importance = widget.DangerImportance
	grid := container.NewVBox()
	for _, role := range content.Roles {
		r := &localRow{name: widget.NewEntry(), phone: widget.NewEntry(), email: widget.NewEntry()}
		r.name.SetPlaceHolder("Nom ou service")
		r.phone.SetPlaceHolder("Téléphone")
		r.email.SetPlaceHolder("Courriel")
		f.rows[role] = r
		grid.Add(widget.NewLabelWithStyle(role.Label(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid.Add(container.NewGridWithColumns(3, r.name, r.phone, r.email))
	}
	f.save = newButtonWithIcon("Enregistrer les contacts locaux", theme.DocumentSaveIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	f.obj = container.NewVBox(
		subheading("Vos contacts locaux"),
		note("Ils restent sur cet ordinateur et s'impriment sur la fiche contacts. Laissez vide ce que vous ne connaissez pas : une ligne sera prévue pour l'écrire à la main."),
		grid, f.errors, container.NewHBox(f.save))
	return f
}

func (f *localContactsForm) content() fyne.CanvasObject { return f.obj }

// load fills the form with the commune's saved contacts.
func (f *localContactsForm) load(insee string) {
	f.insee = insee
	f.errors.SetText("")
	cr := f.shell.lib.core
	f.shell.background(func() {
		user, err := cr.User()
		var loaded map[content.Role]store.EditableContact
		if err == nil {
			loaded, err = user.LocalContactsForEdit(context.Background(), insee)
		}
		runOnMain(func() {
			if err != nil {
				log.Printf("local contacts: %v", err)
				f.errors.SetText("Vos contacts locaux n'ont pas pu être lus.")
				return
			}
			f.fill(loaded)
		})
	})
}

func (f *localContactsForm) fill(loaded map[content.Role]store.EditableContact) {
	f.loaded = loaded
	for role, r := range f.rows {
		c := loaded[role].Contact
		r.name.SetText(c.Name)
		r.phone.SetText(c.Phone)
		r.email.SetText(c.Email)
	}
	if f.notice != "" {
		f.errors.SetText(f.notice)
		f.notice = ""
	}
}

// edits reads the form: the rows the person changed since it was loaded,
// filled ones to store, emptied ones to delete.
func (f *localContactsForm) edits() []store.LocalEdit {
	var out []store.LocalEdit
	for _, role := range content.Roles {
		r, was := f.rows[role], f.loaded[role]
		c := content.LocalContact{INSEE: f.insee, Role: role,
			Name: strings.TrimSpace(r.name.Text), Phone: strings.TrimSpace(r.phone.Text), Email: strings.TrimSpace(r.email.Text), Note: was.Contact.Note}
		switch {
		case c.Name == was.Contact.Name && c.Phone == was.Contact.Phone && c.Email == was.Contact.Email:
			// unchanged: not written, so a change made elsewhere stays
		case c.Name+c.Phone+c.Email == "":
			out = append(out, store.LocalEdit{Role: role, Delete: true, Loaded: was.Version})
		default:
			out = append(out, store.LocalEdit{Role: role, Contact: c, Loaded: was.Version})
		}
	}
	return out
}

func (f *localContactsForm) onSave() { f.saveThen(nil) }

// unsaved reports whether the person typed something not saved yet.
func (f *localContactsForm) unsaved() bool { return f.insee != "" && len(f.edits()) > 0 }

// saveThen saves the form, then runs next once it is saved; with
// something to correct, it says what and runs nothing.
func (f *localContactsForm) saveThen(next func()) {
	edits := f.edits()
	var problems []string
	for _, e := range edits {
		if e.Delete {
			continue
		}
		for _, p := range e.Contact.Problems() {
			problems = append(problems, e.Role.Label()+" : "+p)
		}
	}
	if len(problems) > 0 {
		f.errors.SetText("Rien n'a été enregistré. À corriger :\n" + strings.Join(problems, "\n"))
		return
	}
	f.errors.SetText("")
	cr, insee := f.shell.lib.core, f.insee
	f.shell.background(func() {
		user, err := cr.User()
		var conflicts []content.Role
		if err == nil {
			conflicts, err = user.SaveLocalEdits(context.Background(), insee, edits)
		}
		runOnMain(func() {
			f.saved(insee, conflicts, err)
			if err == nil && next != nil {
				next()
			}
		})
	})
}

// saved reports a save; rows changed elsewhere are shown as they now are.
func (f *localContactsForm) saved(insee string, conflicts []content.Role, err error) {
	switch {
	case errors.Is(err, store.ErrReadOnly):
		f.errors.SetText("Le dossier des données est en lecture seule (clé USB protégée ?) : les contacts ne peuvent pas être enregistrés.")
	case err != nil:
		log.Printf("save local contacts: %v", err)
		f.errors.SetText("L'enregistrement a échoué : vos contacts précédents sont inchangés. Réessayez.")
	case len(conflicts) > 0:
		labels := make([]string, len(conflicts))
		for i, r := range conflicts {
			labels[i] = r.Label()
		}
		f.notice = "Modifié ailleurs pendant que ce formulaire était ouvert (par un import ?), donc pas remplacé : " + strings.Join(labels, ", ") +
			". Le formulaire montre maintenant la version enregistrée ; refaites votre changement si besoin. Le reste est enregistré."
		f.shell.status.SetText("Contacts locaux enregistrés, sauf ceux modifiés ailleurs.")
		f.load(insee)
	default:
		f.shell.status.SetText("Contacts locaux enregistrés.")
		f.load(insee) // the new versions, for the next save
	}
}
