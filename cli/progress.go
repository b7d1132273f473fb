package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// progressBar draws a bar on a terminal (« Fiches [#####-----] 120/887 »),
// redrawn in place; on anything else (a file, a pipe, a test) it prints
// nothing, so logs stay clean.
type progressBar struct {
	w     io.Writer
	label string
	tty   bool
	shown bool
}

func newProgress(w io.Writer, label string) *progressBar {
	return &progressBar{w: w, label: label, tty: isTerminal(w)}
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	if u, ok := w.(interface{ Unwrap() io.Writer }); ok {
		w = u.Unwrap()
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

const barWidth = 30

func (p *progressBar) update(done, total int) {
	if !p.tty || total <= 0 {
		return
	}
	n := done * barWidth / total
	fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d", p.label, strings.Repeat("#", n), strings.Repeat("-", barWidth-n), done, total)
	p.shown = true
}

// done ends the bar's line.
func (p *progressBar) done() {
	if p.shown {
		fmt.Fprintln(p.w)
		p.shown = false
	}
}
