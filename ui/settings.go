package ui

import (
	"context"
	"errors"
	"fmt"
	"log"
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
	"reperecyber/journal"
	"reperecyber/pack"
)

// settingsScreen holds the text size, the theme, the history and the
// « à propos » facts.
type settingsScreen struct {
	shell   *shell
	size    *widget.RadioGroup
	mode    *widget.RadioGroup
	about   *widget.Label
	restore *button
	obj     fyne.CanvasObject
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
	saveData := newButtonWithIcon("Enregistrer mes données dans un fichier", theme.DocumentSaveIcon(), st.onExportData)
	loadData := newButtonWithIcon("Reprendre mes données d'un fichier…", theme.FolderOpenIcon(), st.onImportData)
	st.restore = newButtonWithIcon("Revenir à la dernière sauvegarde", theme.HistoryIcon(), st.onRestoreLatest)
	st.obj = container.NewVScroll(container.NewPadded(container.NewVBox(
		heading("Réglages"),
		subheading("Taille du texte"), st.size,
		subheading("Apparence"), st.mode,
		subheading("Historique"), note("La liste des fiches consultées reste sur cet ordinateur."), container.NewHBox(clear),
		subheading("Mes données"), note("Favoris, contacts locaux, réglages et journaux d'incident. Une sauvegarde est faite chaque jour (les 7 dernières sont gardées). Pour changer d'ordinateur : enregistrez vos données dans un fichier, copiez-le, puis reprenez-le sur l'autre ordinateur."),
		container.NewHBox(saveData), container.NewHBox(loadData), container.NewHBox(st.restore),
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

// onExportData writes all the person's data into one file in the print
// folder, to carry to another computer.
func (st *settingsScreen) onExportData() {
	s := st.shell
	u, err := s.lib.core.User()
	if err != nil {
		s.say("Vos données ne peuvent pas être lues : rien à enregistrer.")
		return
	}
	dir, err := s.lib.core.PrintDir(context.Background())
	if err != nil {
		log.Printf("print folder: %v", err)
		s.say("Aucun dossier où écrire le fichier.")
		return
	}
	path := filepath.Join(dir, "donnees-repere-cyber-"+time.Now().Format("2006-01-02")+".zip")
	s.background(func() {
		err := u.ExportData(context.Background(), path)
		runOnMain(func() {
			if err != nil {
				log.Printf("export data %s: %v", path, err)
				dialog.ShowInformation("Données non enregistrées", "Le fichier n'a pas pu être écrit. Vérifiez la place sur le disque ; vos données n'ont pas changé.", s.win)
				return
			}
			s.showWritten(path, false, nil)
		})
	})
}

// onImportData replaces the person's data by a file from another computer.
func (st *settingsScreen) onImportData() {
	s := st.shell
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		dialog.ShowConfirm("Reprendre ces données ?", "Vos données actuelles seront remplacées par celles du fichier.\nElles sont gardées à côté, pas effacées.", func(ok bool) {
			if ok {
				st.replaceData(func() (string, error) {
					kept, err := s.lib.core.ImportUserData(path)
					return strings.Join(kept, ", "), err
				})
			}
		}, s.win)
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".zip"}))
	d.Show()
}

// onRestoreLatest goes back to the newest daily backup.
func (st *settingsScreen) onRestoreLatest() {
	s := st.shell
	b, ok := s.lib.core.LatestBackup()
	if !ok {
		s.say("Aucune sauvegarde pour l'instant : la première est faite au prochain lancement.")
		return
	}
	dialog.ShowConfirm("Revenir à la sauvegarde ?", "Vos données reviendront à la sauvegarde du "+journal.DateTime(b.Time, time.Local)+".\nCelles d'aujourd'hui sont gardées à côté, pas effacées.", func(ok bool) {
		if ok {
			st.replaceData(func() (string, error) { return s.lib.core.RestoreBackup(b) })
		}
	}, s.win)
}

// replaceData waits for pending writes, replaces the person's data, and
// reloads what the screens show of it.
func (st *settingsScreen) replaceData(replace func() (string, error)) {
	s := st.shell
	s.bg.Wait()
	kept, err := replace()
	if err != nil {
		log.Printf("replace user data: %v", err)
		dialog.ShowInformation("Données non remplacées", "L'opération n'a pas abouti. Vos fichiers n'ont pas été effacés ; en ligne de commande : reperecyber restore --list", s.win)
	}
	s.reloadUserData()
	if err == nil {
		s.say("Données remplacées. Les précédentes sont gardées ici : " + kept)
	}
}
