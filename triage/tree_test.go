package triage_test

import (
	"testing"

	"reperecyber/assets"
	"reperecyber/triage"
)

// Answers shared by many paths, named so that the table reads as the
// questions do.
const (
	noDanger = "Non, personne n'est en danger physique en ce moment"
	mairie   = "La mairie ou la collectivité : ses ordinateurs, ses boîtes mail, son site, ses téléphones"
	elu      = "Un élu, personnellement"
	agent    = "Un agent de la mairie"
	habitant = "Un habitant qui demande conseil à la mairie"
	ordi     = "Un ordinateur se comporte bizarrement ou affiche une alerte"
	fenetre  = "Une fenêtre annonce un virus ou un blocage et donne un numéro à appeler"
	message  = "Un message suspect est arrivé (mail, SMS, appel)"
	lien     = "Un mail ou un SMS qui demande de cliquer, d'ouvrir une pièce jointe ou de donner un code"
	argent   = "Une demande de virement, de changement de RIB ou une facture inhabituelle"
	rib      = "Un fournisseur ou un agent demande de changer son RIB"
	virement = "Le maire, le DGS ou un responsable demande un virement urgent et secret"
	site     = "Le site internet de la commune est modifié ou ne répond plus"
	eluAutre = "Autre chose : un message, un compte, un téléphone, ma carte bancaire…"
	carte    = "Des paiements par carte bancaire que personne n'a faits"
	habAutre = "Autre chose : un message, un compte, un téléphone, sa carte bancaire…"
)

// paths walks to every outcome of the shipped tree by the labels a person
// reads; TestEveryOutcomeHasAPath makes sure none is forgotten.
var paths = []struct {
	outcome string
	labels  []string
}{
	{"danger-immediat", []string{"Oui, une personne est en danger maintenant"}},
	{"rancongiciel-mairie", []string{noDanger, mairie, "Les fichiers ne s'ouvrent plus, ou un message demande une rançon"}},
	{"poste-infecte", []string{noDanger, mairie, ordi, "Il est très lent, des fenêtres s'ouvrent seules, la souris bouge toute seule"}},
	{"faux-support-ecran", []string{noDanger, mairie, ordi, fenetre, "Non, je n'ai rien fait"}},
	{"faux-support-prise-en-main", []string{noDanger, mairie, ordi, fenetre, "Oui : j'ai appelé, ou quelqu'un a pris la main, ou j'ai payé"}},
	{"hameconnage-rien", []string{noDanger, mairie, message, lien, "Rien : je n'ai pas cliqué, pas ouvert la pièce jointe"}},
	{"hameconnage-clic", []string{noDanger, mairie, message, lien, "J'ai cliqué sur le lien ou ouvert la pièce jointe, sans rien taper"}},
	{"hameconnage-mot-de-passe", []string{noDanger, agent, "Son poste de travail ou sa boîte mail de la mairie", message, lien, "J'ai tapé un mot de passe ou un code"}},
	{"hameconnage-banque", []string{noDanger, habitant, habAutre, "Un mail ou un SMS qui demande de cliquer ou de donner un code", "J'ai donné des coordonnées bancaires"}},
	{"messagerie-piratee", []string{noDanger, mairie, "Des contacts reçoivent des mails que nous n'avons pas envoyés"}},
	{"faux-rib", []string{noDanger, mairie, argent, rib, "Non, rien n'est encore payé"}},
	{"faux-rib-paye", []string{noDanger, mairie, argent, rib, "Oui, un paiement ou un salaire est parti"}},
	{"fraude-president", []string{noDanger, mairie, argent, virement, "Non, rien n'est encore parti"}},
	{"fraude-president-paye", []string{noDanger, mairie, argent, virement, "Oui, le virement est parti"}},
	{"fausse-facture", []string{noDanger, mairie, argent, "Une facture arrive pour une commande que personne ne connaît"}},
	{"site-defigure", []string{noDanger, mairie, site, "Un message, une image ou un texte qui n'est pas le nôtre"}},
	{"site-indisponible", []string{noDanger, mairie, site, "Le site ne s'affiche plus, ou très lentement"}},
	{"reseau-social-commune", []string{noDanger, mairie, "Le compte de la commune sur un réseau social est piraté"}},
	{"violation-donnees", []string{noDanger, mairie, "Des données sur des personnes ont pu sortir (vol, erreur d'envoi, mise en ligne)"}},
	{"appareil-perdu", []string{noDanger, mairie, "Un ordinateur, un téléphone ou une clé USB a été perdu ou volé"}},
	{"elu-menaces", []string{noDanger, elu, "On me menace : en face, par courrier, au téléphone ou en ligne"}},
	{"elu-cyberharcelement", []string{noDanger, elu, "On m'insulte ou on me harcèle en ligne, encore et encore"}},
	{"faux-profil-elu", []string{noDanger, elu, "Un faux compte se fait passer pour moi"}},
	{"reseau-social-elu", []string{noDanger, elu, "Mon compte de réseau social est piraté"}},
	{"contenu-illicite", []string{noDanger, habitant, "Il a vu un contenu illégal sur internet, visible par tous"}},
	{"sextorsion", []string{noDanger, elu, eluAutre, "Un chantage avec des images intimes, vraies ou fausses"}},
	{"sms-appel-frauduleux", []string{noDanger, mairie, message, "Un SMS ou un appel d'arnaque sur un téléphone mobile"}},
	{"fausse-convocation", []string{noDanger, mairie, message, "Un mail « officiel » de police ou de justice qui accuse d'une infraction"}},
	{"faux-conseiller-bancaire", []string{noDanger, elu, eluAutre, "Un faux conseiller de banque a appelé"}},
	{"fraude-carte", []string{noDanger, elu, eluAutre, carte, "Oui, j'ai toujours la carte"}},
	{"carte-perdue-volee", []string{noDanger, habitant, habAutre, carte, "Non, elle a été perdue ou volée"}},
	{"usurpation-identite", []string{noDanger, elu, eluAutre, "Quelqu'un se sert du nom, des papiers ou des photos d'une autre personne"}},
	{"compte-pirate", []string{noDanger, agent, "Sa vie personnelle : un message, un compte, un téléphone, sa carte bancaire…", "Un compte (mail, réseau social) est piraté"}},
	{"agent-harcele", []string{noDanger, agent, "Il est harcelé ou menacé en ligne à cause de son travail"}},
	{"habitant-harcele", []string{noDanger, habitant, "Il est harcelé ou menacé en ligne"}},
	{"arnaque-habitant", []string{noDanger, habitant, "Il a perdu de l'argent dans une arnaque sur internet (faux site, fausse annonce…)"}},
}

func shippedTree(tb testing.TB) *triage.Tree {
	tb.Helper()
	t, err := triage.Load(assets.ContentFS())
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// answer picks the option whose label is exactly label.
func answer(tb testing.TB, w *triage.Walk, label string) {
	tb.Helper()
	n, o := w.At()
	if n == nil {
		tb.Fatalf("at outcome %q, cannot answer %q", o.ID, label)
	}
	for i, opt := range n.Options {
		if opt.Label == label {
			if err := w.Answer(i); err != nil {
				tb.Fatal(err)
			}
			return
		}
	}
	tb.Fatalf("question %q has no answer %q", n.ID, label)
}

func TestWalkToEveryOutcome(t *testing.T) {
	tree := shippedTree(t)
	for _, tt := range paths {
		t.Run(tt.outcome, func(t *testing.T) {
			w := triage.NewWalk(tree)
			for _, label := range tt.labels {
				answer(t, w, label)
			}
			_, o := w.At()
			if o == nil || o.ID != tt.outcome {
				t.Fatalf("ended at %+v, want outcome %q", o, tt.outcome)
			}
			if got := len(w.Path()); got != len(tt.labels) {
				t.Errorf("path has %d answers, want %d", got, len(tt.labels))
			}
		})
	}
}

func TestEveryOutcomeHasAPath(t *testing.T) {
	tree := shippedTree(t)
	listed := map[string]bool{}
	for _, tt := range paths {
		if listed[tt.outcome] {
			t.Errorf("outcome %q listed twice", tt.outcome)
		}
		listed[tt.outcome] = true
	}
	for _, o := range tree.Outcomes {
		if !listed[o.ID] {
			t.Errorf("outcome %q has no path in the table", o.ID)
		}
	}
	if len(tree.Outcomes) < 25 {
		t.Errorf("%d outcomes, issue 5 asks for at least 25", len(tree.Outcomes))
	}
}

func BenchmarkWalk(b *testing.B) {
	tree := shippedTree(b)
	longest := paths[4].labels
	for b.Loop() {
		w := triage.NewWalk(tree)
		for _, label := range longest {
			answer(b, w, label)
		}
	}
}
