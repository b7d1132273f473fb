package ui

import "fyne.io/fyne/v2"

// runOnMain is the one way from a background goroutine to the widgets: it
// queues f on the UI goroutine. Everything slow (database, index, PDF)
// runs in its own goroutine and hands its result back through here.
var runOnMain = func(f func()) { fyne.Do(f) }
