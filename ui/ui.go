// Package ui is Repère Cyber's window, built with Fyne. Screens are small
// structs, one per file, with named callback methods; slow work runs off
// the UI goroutine and comes back through runOnMain.
package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"reperecyber/appinfo"
	"reperecyber/store"
)

// Env is what the window needs from the outside world, wired by main.
type Env struct {
	Info   appinfo.Info
	Paths  store.Paths
	Source store.Source
	Icon   []byte
}

// Run opens the window and blocks until it is closed.
func Run(env Env) {
	a := newApp(env)
	w := a.NewWindow(env.Info.Name)
	s := newShell(a, w, env)
	w.SetContent(s.content())
	w.Resize(fyne.NewSize(1100, 720))
	w.SetMaster()
	go s.load(context.Background())
	w.ShowAndRun()
	s.close()
}

// newApp creates the Fyne app with the identity read from FyneApp.toml, so
// that storage, window title and desktop metadata agree with packaging.
func newApp(env Env) fyne.App {
	icon := fyne.NewStaticResource("icon.png", env.Icon)
	app.SetMetadata(fyne.AppMetadata{
		ID:         env.Info.ID,
		Name:       env.Info.Name,
		Version:    env.Info.Version,
		Build:      env.Info.Build,
		Icon:       icon,
		Migrations: map[string]bool{"fyneDo": true},
	})
	a := app.NewWithID(env.Info.ID)
	a.SetIcon(icon)
	return a
}
