package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"log"
	"strings"

	"reperecyber/core"
	"reperecyber/triage"
)

// afterOutcome follows an outcome the wizard has printed: « voir aussi »,
// the dead end recorded, and, for an outcome that has one, the offer to go
// on with the walk. It reports whether the walk goes on.
func (z *wizard) afterOutcome(ctx context.Context, c *core.Core, t *triage.Tree, o *triage.Outcome) bool {
	writeSeeAlso(z.out, t, o)
	if node, ok := z.walk.DeadEnd(); ok {
		recordDeadEnd(ctx, c, node)
	}
	return z.offerContinue(o)
}

// writeSeeAlso lists the outcomes for the other sides of the situation.
func writeSeeAlso(w io.Writer, t *triage.Tree, o *triage.Outcome) {
	if len(o.SeeAlso) == 0 {
		return
	}
	fmt.Fprintln(w, "\nVoir aussi")
	for _, id := range o.SeeAlso {
		if other, ok := t.Outcome(id); ok {
			writeHanging(w, "  • ", other.Title+" (reperecyber fiche "+id+")")
		}
	}
}

// offerContinue asks, after an outcome with a follow-up question (the
// emergency call), whether to go on; it reports whether the walk does.
func (z *wizard) offerContinue(o *triage.Outcome) bool {
	if o.ContinueAt == "" {
		return false
	}
	fmt.Fprint(z.out, "\nQuand la situation est sous contrôle, tapez c puis Entrée pour continuer le parcours (q ou Entrée : terminer) : ")
	if !z.in.Scan() || strings.ToLower(strings.TrimSpace(z.in.Text())) != "c" {
		fmt.Fprintln(z.out)
		return false
	}
	return z.walk.Continue() == nil
}

// recordDeadEnd notes in the user database a question where no answer
// fitted. Like recordMissed, a failure is logged, never shown: the person
// already has the generic outcome.
func recordDeadEnd(ctx context.Context, c *core.Core, nodeID string) {
	u, err := c.User()
	if err == nil {
		err = u.RecordDeadEnd(ctx, nodeID)
	}
	if err != nil {
		log.Printf("record dead end: %v", err)
	}
}

// writeDeadEnds exports the recorded dead ends as CSV (jour, question_id,
// question): what people did not find in the tree, to send to whoever
// maintains the content.
func writeDeadEnds(ctx context.Context, env Env, c *core.Core, t *triage.Tree) int {
	u, ok := user(env, c)
	if !ok {
		return ExitFailure
	}
	ends, err := u.DeadEnds(ctx)
	if err != nil {
		return failed(env, "Lecture des impasses du parcours impossible.", err)
	}
	cw := csv.NewWriter(env.Stdout)
	cw.Write([]string{"jour", "question_id", "question"})
	for _, d := range ends {
		question := "(question retirée du parcours)"
		if n, ok := t.Node(d.NodeID); ok {
			question = n.Question
		}
		cw.Write([]string{d.Day, d.NodeID, question})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return failed(env, "Écriture des impasses impossible.", err)
	}
	if len(ends) == 0 {
		fmt.Fprintln(env.Stderr, "Aucune impasse enregistrée : chaque parcours a trouvé une réponse qui convenait.")
	}
	return ExitOK
}
