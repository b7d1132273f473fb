package ui

import (
	"context"
	"log"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reperecyber/content"
)

// localContactsForm edits the contacts a mairie knows for itself (its
// brigade, IT provider, insurer…), printed on its contact sheet. Rows are
// checked all together: nothing is saved while one is wrong.
type localContactsForm struct {
	shell *shell
	insee string
	rows  map[content.Role]*localRow
	// notes keeps the notes of imported contacts, which the form does not
	// show, so that saving the form does not erase them.
	notes  map[content.Role]string
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
		list, err := cr.LocalContacts(context.Background(), insee)
		runOnMain(func() {
			if err != nil {
				log.Printf("local contacts: %v", err)
				f.errors.SetText("Vos contacts locaux n'ont pas pu être lus.")
				return
			}
			f.fill(list)
		})
	})
}

func (f *localContactsForm) fill(list []content.LocalContact) {
	for _, r := range f.rows {
		r.name.SetText("")
		r.phone.SetText("")
		r.email.SetText("")
	}
	f.notes = map[content.Role]string{}
	for _, c := range list {
		f.notes[c.Role] = c.Note
		if r, ok := f.rows[c.Role]; ok {
			r.name.SetText(c.Name)
			r.phone.SetText(c.Phone)
			r.email.SetText(c.Email)
		}
	}
}

// contacts reads the form: filled rows to save, empty ones to delete.
func (f *localContactsForm) contacts() (set []content.LocalContact, clear []content.Role) {
	for _, role := range content.Roles {
		r := f.rows[role]
		c := content.LocalContact{INSEE: f.insee, Role: role,
			Name: strings.TrimSpace(r.name.Text), Phone: strings.TrimSpace(r.phone.Text), Email: strings.TrimSpace(r.email.Text), Note: f.notes[role]}
		if c.Name+c.Phone+c.Email == "" {
			clear = append(clear, role)
		} else {
			set = append(set, c)
		}
	}
	return set, clear
}

func (f *localContactsForm) onSave() {
	set, clear := f.contacts()
	var problems []string
	for _, c := range set {
		for _, p := range c.Problems() {
			problems = append(problems, c.Role.Label()+" : "+p)
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
		if err == nil {
			err = user.ReplaceLocalContacts(context.Background(), insee, set, clear)
		}
		runOnMain(func() {
			if err != nil {
				log.Printf("save local contacts: %v", err)
				f.errors.SetText("L'enregistrement a échoué : vos contacts précédents sont inchangés. Réessayez.")
				return
			}
			f.shell.say("Contacts locaux enregistrés.")
		})
	})
}
