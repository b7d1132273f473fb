package triage_test

import (
	"reflect"
	"testing"

	"reperecyber/content"
	"reperecyber/triage"
)

var (
	cyber17   = content.Entry{ID: "17cyber", Kind: content.KindService, Title: "17Cyber"}
	cmalv     = content.Entry{ID: "cybermalveillance", Kind: content.KindService, Title: "Cybermalveillance.gouv.fr"}
	breizh    = content.Entry{ID: "csirt-bretagne", Kind: content.KindService, Category: content.CategoryCSIRT, Title: "Breizh Cyber"}
	anssiBzh  = content.Entry{ID: "anssi-bretagne", Kind: content.KindService, Category: content.CategoryANSSI, Title: "ANSSI Bretagne"}
	anssiOM   = content.Entry{ID: "anssi-outre-mer", Kind: content.KindService, Category: content.CategoryANSSI, Title: "ANSSI outre-mer"}
	mayotte   = content.CoverageGap{Region: "06", Category: content.CategoryCSIRT, Note: "Aucun CSIRT à Mayotte.", Fallback: []string{"17cyber", "cybermalveillance", "anssi-outre-mer"}}
	lookupAll = triage.ByID([]content.Entry{cyber17, cmalv, breizh, anssiBzh, anssiOM})
)

// resolved is the comparable gist of a Resolved line.
type resolved struct {
	Label   string
	Entries []string
	Note    string
}

func gist(rs []triage.Resolved) []resolved {
	var out []resolved
	for _, r := range rs {
		g := resolved{Label: r.Label, Note: r.Note}
		for _, e := range r.Entries {
			g.Entries = append(g.Entries, e.ID)
		}
		out = append(out, g)
	}
	return out
}

func TestResolve(t *testing.T) {
	o := triage.Outcome{Contacts: []triage.Contact{{Ref: "@csirt"}, {Ref: "17cyber"}, {Ref: "@anssi-region", When: "Ensuite."}}}
	csirt := triage.LocalLabel(content.CategoryCSIRT)
	anssi := triage.LocalLabel(content.CategoryANSSI)
	tests := []struct {
		name string
		here triage.Place
		want []resolved
	}{
		{"commune not chosen", triage.Place{}, []resolved{
			{csirt, nil, triage.NoPlaceNote},
			{"17Cyber", []string{"17cyber"}, ""},
			{anssi, nil, triage.NoPlaceNote},
		}},
		{"commune with a CSIRT", triage.Place{Known: true, Local: []content.Entry{breizh, anssiBzh}}, []resolved{
			{csirt, []string{"csirt-bretagne"}, ""},
			{"17Cyber", []string{"17cyber"}, ""},
			{anssi, []string{"anssi-bretagne"}, ""},
		}},
		{"gap: say so, fall back, no service twice", triage.Place{Known: true, Local: []content.Entry{anssiOM}, Gaps: []content.CoverageGap{mayotte}}, []resolved{
			{csirt, []string{"cybermalveillance", "anssi-outre-mer"}, "Aucun CSIRT à Mayotte."},
			{"17Cyber", []string{"17cyber"}, ""},
			{anssi, []string{"anssi-outre-mer"}, ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := gist(triage.Resolve(o, tt.here, lookupAll)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestResolveOwnContacts(t *testing.T) {
	o := triage.Outcome{Contacts: []triage.Contact{{Ref: "@local:informatique", When: "Tout de suite."}, {Ref: "@local:assureur"}, {Ref: "17cyber"}}}
	it := content.LocalContact{INSEE: "29019", Role: content.RoleIT, Name: "Infogérance Ouest", Phone: "02 98 00 00 00"}
	tests := []struct {
		name      string
		here      triage.Place
		wantOwn   []string // names, "" where none
		wantNotes []string
	}{
		{"commune not chosen", triage.Place{}, []string{"", "", ""}, []string{triage.NoPlaceNote, triage.NoPlaceNote, ""}},
		{"one saved, one missing", triage.Place{Known: true, Own: []content.LocalContact{it}}, []string{"Infogérance Ouest", "", ""}, []string{"", triage.NoOwnNote, ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := triage.Resolve(o, tt.here, lookupAll)
			for i, r := range got {
				name := ""
				if r.Own != nil {
					name = r.Own.Name
				}
				if name != tt.wantOwn[i] || r.Note != tt.wantNotes[i] {
					t.Errorf("line %d (%s): own %q note %q, want %q %q", i, r.Ref, name, r.Note, tt.wantOwn[i], tt.wantNotes[i])
				}
			}
			if got[0].Label != content.RoleIT.Label() || got[0].When != "Tout de suite." || got[0].Role != content.RoleIT {
				t.Errorf("first line %+v", got[0])
			}
		})
	}
}

func TestResolveKeepsConditions(t *testing.T) {
	o := triage.Outcome{Contacts: []triage.Contact{{Ref: "17cyber", When: "Toujours."}, {Ref: "disparu"}}}
	got := triage.Resolve(o, triage.Place{}, lookupAll)
	if got[0].When != "Toujours." || got[0].Ref != "17cyber" {
		t.Errorf("first line %+v: condition lost", got[0])
	}
	if got[1].Note == "" || len(got[1].Entries) != 0 {
		t.Errorf("missing entry %+v: want a note and no entry", got[1])
	}
}
