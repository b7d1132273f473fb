// Package triage is the « que faire maintenant ? » wizard without its
// screen: the decision tree (kept as data in assets/content/triage.toml),
// its validation, a walk through it, and the resolution of an outcome's
// contacts for the user's commune.
//
// It takes and returns plain domain types: no Fyne, no SQL. The window,
// the terminal wizard and the printed sheet all render the same Walk.
package triage

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/BurntSushi/toml"

	"reperecyber/content"
)

// FileName is the content file that holds the tree. content.Load skips it:
// its types live here, and this package depends on content, not the reverse.
const FileName = content.TriageFile

// Tree is the whole decision tree: questions (nodes) that lead, option by
// option, to other questions or to outcomes.
type Tree struct {
	// Start is the id of the first question.
	Start    string    `toml:"start"`
	Nodes    []Node    `toml:"nodes"`
	Outcomes []Outcome `toml:"outcomes"`
}

// Node is one question and its possible answers.
type Node struct {
	ID       string `toml:"id"`
	Question string `toml:"question"`
	// Help says in a sentence or two how to choose, when it is not obvious.
	Help    string   `toml:"help"`
	Options []Option `toml:"options"`
}

// Option is one answer to a question.
type Option struct {
	Label string `toml:"label"`
	// Next names a node or an outcome.
	Next string `toml:"next"`
}

// Outcome is where a walk ends: what is happening and what to do now.
type Outcome struct {
	ID    string `toml:"id"`
	Title string `toml:"title"`
	// Summary says in one sentence what the situation is.
	Summary string `toml:"summary"`
	// Diagnosis is the id of the card that names the situation: a
	// definition, a pack élus card, or a service card where no definition
	// exists (« perceval » for bank-card fraud).
	Diagnosis string `toml:"diagnosis"`
	// Keywords are the symptoms and words people type, for search.
	Keywords []string `toml:"keywords"`
	// Steps are « à faire maintenant », in order; the screen lets people
	// tick them.
	Steps []string `toml:"steps"`
	// Dont are « à ne pas faire ».
	Dont []string `toml:"dont"`
	// Evidence lists the proof to keep.
	Evidence []string `toml:"evidence"`
	// Contacts are whom to call, in order of priority.
	Contacts []Contact `toml:"contacts"`
	// Deadlines are the time limits that apply (CNIL 72 h, complaint
	// before reinstalling…).
	Deadlines []string `toml:"deadlines"`
	// Sources support the rules the outcome states.
	Sources []content.Source `toml:"sources"`
	// SeeAlso names other outcomes for the other side of the same
	// situation (harassment that also carries threats), shown as « voir
	// aussi ».
	SeeAlso []string `toml:"see_also"`
	// DeadEnd marks a generic outcome reached by « Autre chose / je ne
	// sais pas »: the walk that ends there says where no answer fitted
	// (Walk.DeadEnd), so that the mairie can record it.
	DeadEnd bool `toml:"dead_end"`
	// ContinueAt names the question the walk may go on to once the
	// outcome is dealt with (after the emergency call, the rest of the
	// walk); empty for a final outcome. See Walk.Continue.
	ContinueAt string `toml:"continue_at"`
}

// Contact is one service to reach from an outcome, and when.
type Contact struct {
	// Ref is an entry id (« 17cyber »), « @ » and a category resolved
	// for the user's commune (« @csirt », « @anssi-region »), or
	// « @local: » and a role of the mairie's own contacts
	// (« @local:informatique », « @local:assureur »).
	Ref string `toml:"id"`
	// When is the condition of this route, empty if it always applies
	// (« si vous avez encore la carte et avez fait opposition »).
	When string `toml:"when"`
}

// LocalPrefix marks a contact resolved for the user's commune.
const LocalPrefix = "@"

// LocalCategories are the categories a contact may name with LocalPrefix:
// those content.Validate guarantees for every région, by an entry or by a
// recorded gap, so that resolution always has something to say.
var LocalCategories = []string{content.CategoryCSIRT, content.CategoryANSSI}

// RolePrefix marks a contact the mairie keeps for itself (« @local:informatique »):
// its own IT provider, insurer, brigade… as entered in the window or imported.
const RolePrefix = LocalPrefix + "local:"

// Local returns the category of a contact resolved for the commune from
// the reference (« @csirt »); a role contact is not one.
func (c Contact) Local() (category string, ok bool) {
	if _, isRole := c.Role(); isRole {
		return "", false
	}
	return strings.CutPrefix(c.Ref, LocalPrefix)
}

// Role returns the role of a contact the mairie keeps for itself.
func (c Contact) Role() (content.Role, bool) {
	r, ok := strings.CutPrefix(c.Ref, RolePrefix)
	return content.Role(r), ok
}

// Roles lists the local contact roles the outcome needs, in its order.
func (o Outcome) Roles() []content.Role {
	var out []content.Role
	for _, c := range o.Contacts {
		if r, ok := c.Role(); ok {
			out = append(out, r)
		}
	}
	return out
}

// Node returns the node with the given id.
func (t *Tree) Node(id string) (*Node, bool) {
	for i := range t.Nodes {
		if t.Nodes[i].ID == id {
			return &t.Nodes[i], true
		}
	}
	return nil, false
}

// Outcome returns the outcome with the given id.
func (t *Tree) Outcome(id string) (*Outcome, bool) {
	for i := range t.Outcomes {
		if t.Outcomes[i].ID == id {
			return &t.Outcomes[i], true
		}
	}
	return nil, false
}

// Load reads the tree from FileName at the root of fsys (assets.ContentFS()).
// Like content.Load, it rejects unknown fields and does not validate.
func Load(fsys fs.FS) (*Tree, error) {
	data, err := fs.ReadFile(fsys, FileName)
	if err != nil {
		return nil, fmt.Errorf("read triage tree: %w", err)
	}
	return Parse(data)
}

// Parse decodes a tree from TOML.
func Parse(data []byte) (*Tree, error) {
	var t Tree
	md, err := toml.Decode(string(data), &t)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", FileName, err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		keys := make([]string, len(undecoded))
		for i, k := range undecoded {
			keys[i] = k.String()
		}
		return nil, fmt.Errorf("%s: unknown fields: %s", FileName, strings.Join(keys, ", "))
	}
	return &t, nil
}

// Known lists the entries a tree may refer to, by id, from the content.
func Known(b *content.Bundle) map[string]content.Kind {
	known := make(map[string]content.Kind, len(b.Entries))
	for _, e := range b.Entries {
		known[e.ID] = e.Kind
	}
	return known
}
