package ui

import (
	"errors"
	"fmt"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reperecyber/content"
	"reperecyber/core"
	"reperecyber/pack"
)

// settingsScreen holds the text size, the theme, the history and the
// « à propos » facts.
type settingsScreen struct {
	shell *shell
	size  *widget.RadioGroup
	mode  *widget.RadioGroup
	about *widget.Label
	obj   fyne.CanvasObject
}

func newSettingsScreen(s *shell) *settingsScreen {
	st := &settingsScreen{shell: s, about: paragraph("")}
	var sizes, modes []string
	for _, t := range textSizes {
		sizes = append(sizes, t.label)
	}
	for _, m := range themeModes {
		modes = append(modes, m.label)
	}
	st.size = widget.NewRadioGroup(sizes, st.onSize)
	st.size.Horizontal = true
	st.mode = widget.NewRadioGroup(modes, st.onMode)
	st.mode.Horizontal = true
	clear := newButton("Effacer l'historique", func() { s.favourites.onClear() })
	update := newButtonWithIcon("Mettre à jour le contenu (fichier .rcpack)…", theme.DownloadIcon(), st.onUpdateContent)
	st.obj = container.NewVScroll(container.NewPadded(container.NewVBox(
		heading("Réglages"),
		subheading("Taille du texte"), st.size,
		subheading("Apparence"), st.mode,
		subheading("Historique"), note("La liste des fiches consultées reste sur cet ordinateur."), container.NewHBox(clear),
		subheading("Contenu"), note("Sans internet : installez un paquet de contenu signé (fichier .rcpack, sur une clé USB par exemple). Il n'est accepté que s'il est intact, signé par l'équipe Repère Cyber et plus récent que le vôtre."), container.NewHBox(update),
		widget.NewSeparator(), subheading("À propos"), st.about,
	)))
	return st
}

func (st *settingsScreen) content() fyne.CanvasObject { return st.obj }

func (st *settingsScreen) setLibrary(lib *library) {
	st.size.Selected = textSizeFor(lib.settings[core.SettingTextSize.Key]).label
	st.size.Refresh()
	st.mode.Selected = themeModes[0].label
	for _, m := range themeModes {
		if m.key == lib.settings[core.SettingTheme.Key] {
			st.mode.Selected = m.label
		}
	}
	st.mode.Refresh()
	st.about.SetText(aboutText(st.shell.env, lib))
}

func aboutText(env Env, lib *library) string {
	i := lib.info
	return fmt.Sprintf(`%s, version %s (build %d)
Contenu : version %s du %s — %d services, %d définitions, %d fiches du pack élus.
Communes : %s %s, %s communes (données de l'INSEE et de la DGCL, licence MIT du paquet).
Police de caractères de l'interface : celle de Fyne (licence SIL OFL) ; des fiches PDF : DejaVu Sans (licence Bitstream Vera).
Chaque numéro, adresse et lien indique sa source et sa date sur sa fiche. Les textes sont écrits pour Repère Cyber.
Vos données : %s
Base de référence (recréée automatiquement) : %s`,
		env.Info.Name, env.Info.Version, env.Info.Build,
		i.ContentVersion, content.FormatDate(i.ContentDate), i.Entries[content.KindService], i.Entries[content.KindDefinition], i.Entries[content.KindElus],
		i.DatasetName, i.DatasetVersion, content.FormatInt(i.Communes), env.Core.Paths.User, env.Core.Paths.Reference)
}

func (st *settingsScreen) onSize(label string) {
	for _, t := range textSizes {
		if t.label == label && st.shell.lib != nil && st.shell.lib.settings[core.SettingTextSize.Key] != t.key {
			st.shell.setSetting(core.SettingTextSize.Key, t.key)
			st.shell.applySettings()
		}
	}
}

func (st *settingsScreen) onMode(label string) {
	for _, m := range themeModes {
		if m.label == label && st.shell.lib != nil && st.shell.lib.settings[core.SettingTheme.Key] != m.key {
			st.shell.setSetting(core.SettingTheme.Key, m.key)
			st.shell.applySettings()
		}
	}
}

// onUpdateContent asks for a content pack file, then installs it.
func (st *settingsScreen) onUpdateContent() {
	if st.shell.lib == nil {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		st.installPack(path)
	}, st.shell.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".rcpack"}))
	d.Show()
}

// installPack verifies and installs a pack, then says what happened.
func (st *settingsScreen) installPack(path string) {
	s := st.shell
	c := s.lib.core
	s.background(func() {
		p, err := c.InstallPack(path)
		runOnMain(func() {
			var refusal *pack.Refusal
			switch {
			case errors.As(err, &refusal):
				dialog.ShowInformation("Paquet refusé", "Ce paquet de contenu n'a pas été installé : "+refusal.Reason+".\n\nRien n'a changé.", s.win)
			case err != nil:
				log.Printf("install pack %s: %v", path, err)
				dialog.ShowInformation("Paquet non installé", "Le fichier n'a pas pu être lu ou installé. Rien n'a changé.", s.win)
			default:
				dialog.ShowInformation("Contenu mis à jour", "Le contenu "+p.Manifest.ContentVersion+" du "+content.FormatDate(p.Manifest.ContentDate)+" est installé.\nFermez puis relancez Repère Cyber pour l'utiliser.", s.win)
			}
		})
	})
}
