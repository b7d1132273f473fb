package triage_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
)

// TestJSONShape checks the shape issue 5 specifies for `triage --tree
// --json`: keys, contacts as ids, lists never null.
func TestJSONShape(t *testing.T) {
	b, err := json.Marshal(smallTree())
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Start    string
		Nodes    map[string]map[string]any
		Outcomes map[string]map[string]any
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Start != "danger" || len(got.Nodes) != 2 || len(got.Outcomes) != 3 {
		t.Fatalf("start %q, %d nodes, %d outcomes", got.Start, len(got.Nodes), len(got.Outcomes))
	}
	if keys := sortedKeys(got.Nodes["quoi"]); !reflect.DeepEqual(keys, []string{"help", "options", "question"}) {
		t.Errorf("node keys %v", keys)
	}
	want := []string{"contacts", "deadlines", "diagnosis", "dont", "evidence", "steps", "title"}
	if keys := sortedKeys(got.Outcomes["rancon"]); !reflect.DeepEqual(keys, want) {
		t.Errorf("outcome keys %v, want %v", keys, want)
	}
	if c := got.Outcomes["rancon"]["contacts"]; !reflect.DeepEqual(c, []any{"17cyber", "@csirt", "@local:informatique"}) {
		t.Errorf("contacts %v", c)
	}
	if d := got.Outcomes["rancon"]["dont"]; d == nil {
		t.Error("dont is null, want []")
	}
	opt := got.Nodes["quoi"]["options"].([]any)[0]
	if !reflect.DeepEqual(opt, map[string]any{"label": "Rançon", "next": "rancon"}) {
		t.Errorf("option %v", opt)
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
