package hours_test

import (
	"testing"

	"reperecyber/assets"
	"reperecyber/content"
	"reperecyber/hours"
)

// notClaims are the hours values in the content that Parse refuses on
// purpose, each with why. Any other value must parse.
var notClaims = map[string]string{
	"7 jours sur 7":                 "days without hours: open or closed would be a guess",
	"7 jours sur 7 ; appel gratuit": "days without hours; « appel gratuit » is about cost",
}

// TestContentHours walks the embedded content: every hours value either
// parses or is listed in notClaims, and every listed value is still used.
func TestContentHours(t *testing.T) {
	b, err := assets.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range b.Entries {
		for _, c := range e.Contacts {
			if c.Type != content.ContactHours {
				continue
			}
			seen[c.Value] = true
			_, ok := hours.Parse(c.Value)
			why, listed := notClaims[c.Value]
			switch {
			case !ok && !listed:
				t.Errorf("%s: hours %q do not parse: rewrite them in the grammar of hours.Parse, or list them in notClaims with why", e.ID, c.Value)
			case ok && listed:
				t.Errorf("%s: hours %q parse but are listed as not a claim (%s)", e.ID, c.Value, why)
			}
		}
	}
	for v := range notClaims {
		if !seen[v] {
			t.Errorf("notClaims lists %q, which the content no longer uses", v)
		}
	}
}
