package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"reperecyber/assets"
	"reperecyber/content"
	"reperecyber/core"
	"reperecyber/triage"
)

const triageUsage = "Usage : reperecyber triage [--commune RECHERCHE]   (le parcours « que faire maintenant ? »)\n        reperecyber triage --tree --json           (tout le parcours en JSON)\n        reperecyber triage --dead-ends             (impasses « je ne sais pas » enregistrées, en CSV)\nExemple : reperecyber triage --commune 29200"

func runTriage(ctx context.Context, env Env, args []string) int {
	fs := flag.NewFlagSet("triage", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	tree := fs.Bool("tree", false, "")
	asJSON := fs.Bool("json", false, "")
	commune := fs.String("commune", "", "")
	deadEnds := fs.Bool("dead-ends", false, "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || *tree != *asJSON || *tree && *commune != "" || *deadEnds && (*tree || *commune != "") {
		sayFlagProblem(env, err)
		fmt.Fprintln(env.Stderr, triageUsage)
		return ExitUsage
	}
	c, ok := openCore(ctx, env)
	if !ok {
		return ExitFailure
	}
	defer c.Close()
	t, err := c.Tree()
	if err != nil {
		fmt.Fprintf(env.Stderr, "Le parcours « que faire ? » est illisible ; lancez reperecyber check.\nDétail : %v\n", err)
		return ExitFailure
	}
	if *tree {
		return writeTreeJSON(env, t)
	}
	if *deadEnds {
		return writeDeadEnds(ctx, env, c, t)
	}
	where, code := optionalCommune(env, c, *commune)
	if code != ExitOK {
		return code
	}
	z := newWizard(env, t)
	for {
		o, code := z.run()
		if o == nil {
			return code
		}
		calls, err := c.WhomToCall(ctx, *o, where)
		if err != nil {
			return failed(env, "Lecture des services impossible.", err)
		}
		writeOutcome(env.Stdout, *o, calls, where, c.Entry)
		if !z.afterOutcome(ctx, c, t, o) {
			return ExitOK
		}
	}
}

// optionalCommune resolves --commune when given; nil when not.
func optionalCommune(env Env, c *core.Core, query string) (*content.Place, int) {
	if strings.TrimSpace(query) == "" {
		return nil, ExitOK
	}
	res, code := resolveCommune(env, c, query, "--commune CODE_INSEE")
	return res.Place, code
}

// triageProblems is the tree's part of `reperecyber check`.
func triageProblems(b *content.Bundle) []content.Problem {
	t, err := triage.Load(assets.ContentFS())
	if err != nil {
		return []content.Problem{{File: triage.FileName, Msg: err.Error()}}
	}
	return triage.Validate(t, triage.Known(b))
}

// triageSummary is the line `reperecyber check` prints for a valid tree.
func triageSummary() string {
	t, err := triage.Load(assets.ContentFS())
	if err != nil {
		return "" // already reported by triageProblems
	}
	return fmt.Sprintf("Parcours « que faire ? » valide : %d questions, %d issues.", len(t.Nodes), len(t.Outcomes))
}

func writeTreeJSON(env Env, t *triage.Tree) int {
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(t); err != nil {
		return failed(env, "Écriture du parcours impossible.", err)
	}
	return ExitOK
}

// wizard asks the questions of a walk in a terminal, one line of input
// per answer.
type wizard struct {
	out, errw io.Writer
	in        *bufio.Scanner
	walk      *triage.Walk
}

func newWizard(env Env, t *triage.Tree) *wizard {
	stdin := env.Stdin
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	return &wizard{out: env.Stdout, errw: env.Stderr, in: bufio.NewScanner(stdin), walk: triage.NewWalk(t)}
}

// run asks until an outcome is reached; it returns nil and the exit code
// when the person quits or the input ends first.
func (z *wizard) run() (*triage.Outcome, int) {
	fmt.Fprintln(z.out, "Que faire maintenant ? Répondez avec le numéro de votre choix.")
	fmt.Fprintln(z.out, "En cas de danger immédiat : 17, 112, ou SMS au 114.")
	for {
		n, o := z.walk.At()
		if o != nil {
			return o, ExitOK
		}
		z.ask(n)
		if !z.in.Scan() {
			fmt.Fprintln(z.errw, "\nSaisie terminée avant la fin du parcours : aucune conduite à tenir n'a été affichée.\nRelancez « reperecyber triage » et répondez aux questions.")
			return nil, ExitFailure
		}
		if quit := z.handle(n, z.in.Text()); quit {
			fmt.Fprintln(z.out, "Parcours arrêté. Relancez « reperecyber triage » quand vous voulez.")
			return nil, ExitOK
		}
	}
}

func (z *wizard) ask(n *triage.Node) {
	fmt.Fprintf(z.out, "\nQuestion %d (%s)\n", len(z.walk.Path())+1, progress(z.walk.Remaining()-1))
	writeIndented(z.out, "", n.Question)
	if n.Help != "" {
		writeIndented(z.out, "  ", n.Help)
	}
	for i, o := range n.Options {
		writeHanging(z.out, fmt.Sprintf("  %d. ", i+1), o.Label)
	}
	fmt.Fprintf(z.out, "Votre choix (1-%d, b : revenir, r : recommencer, q : quitter) : ", len(n.Options))
}

// progress tells how many questions may follow the current one.
func progress(after int) string {
	switch after {
	case 0:
		return "dernière question"
	case 1:
		return "encore une au plus"
	}
	return fmt.Sprintf("encore %d au plus", after)
}

// handle applies one line of input and reports whether the person quit.
// Anything it cannot use gets a hint, and the question is asked again.
func (z *wizard) handle(n *triage.Node, line string) (quit bool) {
	switch cmd := strings.ToLower(strings.TrimSpace(line)); cmd {
	case "q":
		return true
	case "b":
		if !z.walk.Back() {
			fmt.Fprintln(z.out, "Vous êtes déjà à la première question.")
		}
	case "r":
		z.walk.Restart()
	default:
		i, err := strconv.Atoi(cmd)
		if err != nil || z.walk.Answer(i-1) != nil {
			fmt.Fprintf(z.out, "Réponse non comprise : tapez un numéro de 1 à %d, puis Entrée (ou b, r, q).\n", len(n.Options))
		}
	}
	return false
}

// writeOutcome prints the end of the walk: the sheet a person follows,
// contacts resolved for their commune when where is known.
func writeOutcome(w io.Writer, o triage.Outcome, contacts []triage.Resolved, where *content.Place, lookup triage.Lookup) {
	fmt.Fprintf(w, "\n%s\n%s\n", o.Title, strings.Repeat("=", min(len([]rune(o.Title)), lineWidth)))
	writeIndented(w, "", o.Summary)
	writeContactsFor(w, contacts, where)
	writeList(w, "À faire maintenant, dans l'ordre", o.Steps, true)
	writeList(w, "À ne pas faire", o.Dont, false)
	writeList(w, "Preuves à garder", o.Evidence, false)
	writeList(w, "Délais", o.Deadlines, false)
	if d, ok := lookup(o.Diagnosis); ok {
		fmt.Fprintf(w, "\nDiagnostic : %s\n  Pour en savoir plus : reperecyber show %s\n", d.Title, d.ID)
	}
	fmt.Fprintln(w, "\nSources")
	for _, s := range o.Sources {
		writeIndented(w, "  ", content.SourceLine(s))
	}
}

func writeList(w io.Writer, title string, items []string, numbered bool) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", title)
	for i, item := range items {
		bullet := "  • "
		if numbered {
			bullet = fmt.Sprintf("  %d. ", i+1)
		}
		writeHanging(w, bullet, item)
	}
}

func writeContactsFor(w io.Writer, contacts []triage.Resolved, where *content.Place) {
	if where != nil {
		fmt.Fprintf(w, "\nAppelez maintenant, pour %s (%s)\n", where.Name, core.Where(*where))
	} else {
		fmt.Fprintln(w, "\nAppelez maintenant (ajoutez --commune VOTRE_CODE_POSTAL pour les contacts de votre commune)")
	}
	for _, r := range contacts {
		writeHanging(w, "  • ", r.Label)
		if r.Own != nil {
			writeOwn(w, *r.Own)
		} else if r.Role != "" && r.Note == triage.NoOwnNote {
			r.Note += " Enregistrez-le dans la fenêtre (Ma commune) ou avec reperecyber import-contacts."
		}
		for _, e := range r.Entries {
			writeContactEntry(w, e, len(r.Entries) > 1 || e.Title != r.Label)
		}
		if r.Note != "" {
			writeIndented(w, "      ", r.Note)
		}
		if r.When != "" {
			writeIndented(w, "      ", "Quand : "+r.When)
		}
	}
}

// writeOwn prints one of the mairie's own contacts.
func writeOwn(w io.Writer, c content.LocalContact) {
	var parts []string
	for _, v := range []string{c.Name, c.Phone, c.Email} {
		if v != "" {
			parts = append(parts, v)
		}
	}
	writeIndented(w, "      ", strings.Join(parts, " : "))
	if c.Note != "" {
		writeIndented(w, "      ", c.Note)
	}
}

// writeContactEntry prints how to reach one service: its main contact,
// its hours, and its id for `show`. named repeats the title when the line
// above named a role (« Le CSIRT de votre région »), not the service.
func writeContactEntry(w io.Writer, e content.Entry, named bool) {
	line := ""
	if named {
		line = e.Title + " : "
	}
	if c, ok := e.MainContact(); ok {
		line += c.Value
	} else {
		line += "coordonnées sur sa fiche"
	}
	for _, b := range e.Badges() {
		line += " [" + b + "]"
	}
	writeIndented(w, "      ", line+" ("+e.ID+")")
	for _, c := range e.Contacts {
		if c.Type == content.ContactHours {
			writeIndented(w, "      ", "Horaires : "+c.Value)
		}
	}
}

// writeIndented wraps text at lineWidth with every line indented.
func writeIndented(w io.Writer, indent, text string) { writeHanging(w, indent, text) }

// writeHanging wraps text at lineWidth after a first-line prefix (a
// bullet or number); continuation lines line up under the text.
func writeHanging(w io.Writer, prefix, text string) {
	width := len([]rune(prefix))
	line, n := prefix, width
	for _, word := range strings.Fields(text) {
		size := len([]rune(word))
		if n > width && n+1+size > lineWidth {
			fmt.Fprintln(w, line)
			line, n = strings.Repeat(" ", width), width
		}
		if n > width {
			line, n = line+" ", n+1
		}
		line, n = line+word, n+size
	}
	fmt.Fprintln(w, line)
}
