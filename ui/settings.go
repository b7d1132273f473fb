package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"reperecyber/content"
	"reperecyber/core"
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
	st.obj = container.NewVScroll(container.NewPadded(container.NewVBox(
		heading("Réglages"),
		subheading("Taille du texte"), st.size,
		subheading("Apparence"), st.mode,
		subheading("Historique"), note("La liste des fiches consultées reste sur cet ordinateur."), container.NewHBox(clear),
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
