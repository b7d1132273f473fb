package triage_test

import (
	"testing"

	"reperecyber/assets"
	"reperecyber/triage"
)

// Answers shared by many paths, named so that the table reads as the
// questions do.
const (
	noDanger    = "Non, personne n'est en danger physique en ce moment"
	mairie      = "La mairie ou la collectivité : ses ordinateurs, ses boîtes mail, son site, ses téléphones"
	elu         = "Un élu, personnellement"
	agent       = "Un agent de la mairie"
	habitant    = "Un habitant qui demande conseil à la mairie"
	ordi        = "Un ordinateur se comporte bizarrement, affiche une alerte, ou une clé USB inconnue y a été branchée"
	fenetre     = "Une fenêtre annonce un virus ou un blocage et donne un numéro à appeler"
	message     = "Un mail ou un SMS suspect est arrivé"
	lien        = "Un mail ou un SMS qui demande de cliquer, d'ouvrir une pièce jointe ou de donner un code"
	argent      = "Une question d'argent : RIB, virement, facture, carte de la commune"
	rib         = "Un fournisseur ou un agent demande de changer son RIB"
	virement    = "Le maire, le DGS ou un responsable demande un virement urgent et secret"
	facture     = "Une facture arrive pour une commande que personne ne connaît"
	nom         = "Quelqu'un agit en notre nom : boîte mail, site, réseau social, faux site, faux QR code"
	site        = "Le site internet de la commune est modifié ou ne répond plus"
	appel       = "Un appel suspect, sur le fixe de la mairie ou sur un portable"
	donnees     = "Des données, un appareil ou un prestataire : fuite, perte, vol"
	perdu       = "Un ordinateur, un téléphone ou une clé USB a été perdu ou volé"
	eluPerso    = "Un message, un appel, un téléphone ou ma carte bancaire"
	habPerso    = "Un message, un compte, un téléphone ou sa carte bancaire"
	carte       = "Des paiements par carte bancaire que personne n'a faits"
	chantage    = "Un chantage avec des images intimes, vraies ou fausses"
	jeNeSaisPas = "Autre chose / je ne sais pas"
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
	{"hameconnage-banque", []string{noDanger, habitant, habPerso, "Un mail ou un SMS qui demande de cliquer ou de donner un code", "J'ai donné des coordonnées bancaires"}},
	{"messagerie-piratee", []string{noDanger, mairie, nom, "Notre boîte mail envoie des messages que nous n'avons pas écrits, ou nous ne pouvons plus nous y connecter"}},
	{"faux-rib", []string{noDanger, mairie, argent, rib, "Non, rien n'est encore payé"}},
	{"faux-rib-paye", []string{noDanger, mairie, argent, rib, "Oui, un paiement ou un salaire est parti"}},
	{"fraude-president", []string{noDanger, mairie, argent, virement, "Non, rien n'est encore parti"}},
	{"fraude-president-paye", []string{noDanger, mairie, argent, virement, "Oui, le virement est parti"}},
	{"fausse-facture", []string{noDanger, mairie, argent, facture, "Non, elle n'est pas payée"}},
	{"site-defigure", []string{noDanger, mairie, nom, site, "Un message, une image ou un texte qui n'est pas le nôtre"}},
	{"site-indisponible", []string{noDanger, mairie, nom, site, "Le site ne s'affiche plus, ou très lentement"}},
	{"reseau-social-commune", []string{noDanger, mairie, nom, "Le compte de la commune sur un réseau social est piraté"}},
	{"violation-donnees", []string{noDanger, mairie, donnees, "Des données sur des personnes ont pu sortir (vol, erreur d'envoi, mise en ligne)"}},
	{"appareil-perdu", []string{noDanger, mairie, donnees, perdu, "Un ordinateur portable, une clé USB ou un disque"}},
	{"elu-menaces", []string{noDanger, elu, "On me menace : en face, par courrier, au téléphone ou en ligne"}},
	{"elu-cyberharcelement", []string{noDanger, elu, "On m'insulte ou on me harcèle en ligne, encore et encore"}},
	{"faux-profil-elu", []string{noDanger, elu, "Un faux compte se fait passer pour moi"}},
	{"reseau-social-elu", []string{noDanger, elu, "Mon compte de réseau social est piraté"}},
	{"contenu-illicite", []string{noDanger, habitant, "Il a vu un contenu illégal sur internet, visible par tous"}},
	{"sextorsion", []string{noDanger, elu, eluPerso, chantage, "Quelqu'un a de vraies images, ou en montre, et menace de les diffuser"}},
	{"sms-appel-frauduleux", []string{noDanger, mairie, message, "Un SMS d'arnaque sur un téléphone mobile (colis, amende, compte bloqué…)"}},
	{"fausse-convocation", []string{noDanger, mairie, message, "Un mail « officiel » de police ou de justice qui accuse d'une infraction"}},
	{"faux-conseiller-bancaire", []string{noDanger, elu, eluPerso, "Un faux conseiller de banque a appelé"}},
	{"fraude-carte", []string{noDanger, elu, eluPerso, carte, "Oui, j'ai toujours la carte"}},
	{"carte-perdue-volee", []string{noDanger, habitant, habPerso, carte, "Non, elle a été perdue ou volée"}},
	{"usurpation-identite", []string{noDanger, elu, eluPerso, "Quelqu'un se sert du nom, des papiers ou des photos d'une autre personne"}},
	{"compte-pirate", []string{noDanger, agent, "Sa vie personnelle : un message, un compte, un téléphone, sa carte bancaire…", "Un compte (mail, réseau social) est piraté"}},
	{"agent-harcele", []string{noDanger, agent, "Il est harcelé ou menacé en ligne à cause de son travail"}},
	{"habitant-harcele", []string{noDanger, habitant, "Il est harcelé ou menacé en ligne"}},
	{"arnaque-habitant", []string{noDanger, habitant, "Il a perdu de l'argent dans une arnaque sur internet (faux site, fausse annonce…)"}},
	{"autre-situation", []string{noDanger, jeNeSaisPas}},
	{"autre-mairie", []string{noDanger, mairie, jeNeSaisPas}},
	{"autre-personne", []string{noDanger, elu, jeNeSaisPas}},
	{"panne-ou-attaque", []string{noDanger, mairie, "Plus de réseau, plus d'internet ou plus de téléphone, sans savoir pourquoi"}},
	{"cle-usb-inconnue", []string{noDanger, mairie, ordi, "Une clé USB trouvée ou reçue, dont personne ne connaît l'origine, y a été branchée"}},
	{"appel-faux-technicien", []string{noDanger, mairie, appel, "Un technicien (Microsoft, opérateur, éditeur d'un logiciel de la mairie) qui veut dépanner un ordinateur", "Non : j'ai raccroché, rien n'a été installé"}},
	{"appel-faux-banquier-mairie", []string{noDanger, mairie, appel, "La banque ou le Trésor public, pour une opération « suspecte » sur le compte"}},
	{"appel-faux-officiel", []string{noDanger, mairie, appel, "La préfecture, la gendarmerie ou un autre service officiel, qui demande des informations sur un élu"}},
	{"usurpation-mairie-mail", []string{noDanger, mairie, nom, "Des mails circulent au nom de la mairie, depuis une adresse qui n'est pas la nôtre"}},
	{"faux-site-demarches", []string{noDanger, mairie, nom, "Un faux site imite la mairie ou ses démarches (état civil, paiement, rendez-vous…)"}},
	{"qr-code-frauduleux", []string{noDanger, mairie, nom, "De faux QR codes sont collés dans la commune (horodateurs, affiches, panneaux)"}},
	{"fausse-facture-payee", []string{noDanger, mairie, argent, facture, "Oui, elle a été payée ou le mandat est parti"}},
	{"carte-commune", []string{noDanger, mairie, argent, "La carte bancaire de la commune (régie) a servi pour des achats que personne n'a faits"}},
	{"fuite-prestataire", []string{noDanger, mairie, donnees, "Notre prestataire informatique ou l'éditeur d'un logiciel annonce une fuite ou une attaque chez lui"}},
	{"telephone-perdu-vole", []string{noDanger, mairie, donnees, perdu, "Un téléphone portable (ou une tablette)"}},
	{"elu-doxxing", []string{noDanger, elu, "Mon adresse, ma famille ou mes proches sont exposés en ligne"}},
	{"elu-hypertrucage", []string{noDanger, elu, "Une fausse vidéo, une fausse photo ou une fausse voix me fait dire ou faire ce que je n'ai pas fait"}},
	{"elu-harcelement-menaces", []string{noDanger, elu, "On me harcèle et on me menace à la fois"}},
	{"sextorsion-bluff", []string{noDanger, mairie, message, "Un mail qui dit avoir filmé ou piraté l'ordinateur et réclame de l'argent"}},
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
	if len(tree.Outcomes) < 50 {
		t.Errorf("%d outcomes, issue 12 asks for at least 50", len(tree.Outcomes))
	}
}

// TestDangerContinuesTheWalk: after the emergency call, the walk goes on
// at « qui est touché ? » and can reach an ordinary outcome.
func TestDangerContinuesTheWalk(t *testing.T) {
	w := triage.NewWalk(shippedTree(t))
	answer(t, w, "Oui, une personne est en danger maintenant")
	if err := w.Continue(); err != nil {
		t.Fatal(err)
	}
	answer(t, w, elu)
	answer(t, w, "On me menace : en face, par courrier, au téléphone ou en ligne")
	if _, o := w.At(); o == nil || o.ID != "elu-menaces" {
		t.Fatalf("ended at %+v, want elu-menaces", o)
	}
}

// TestEveryExitIsRecorded: each « Autre chose / je ne sais pas » ends on a
// dead-end outcome and names its question, so that it can be recorded.
func TestEveryExitIsRecorded(t *testing.T) {
	tree := shippedTree(t)
	for _, tt := range paths {
		o, _ := tree.Outcome(tt.outcome)
		if !o.DeadEnd {
			continue
		}
		t.Run(tt.outcome, func(t *testing.T) {
			w := triage.NewWalk(tree)
			for _, label := range tt.labels {
				answer(t, w, label)
			}
			if node, ok := w.DeadEnd(); !ok || node == "" {
				t.Errorf("DeadEnd() = %q, %v", node, ok)
			}
		})
	}
	for _, n := range tree.Nodes {
		if len(n.Options) < triage.MinOptionsForExit {
			continue
		}
		last := n.Options[len(n.Options)-1]
		if o, ok := tree.Outcome(last.Next); !ok || !o.DeadEnd || last.Label != jeNeSaisPas {
			t.Errorf("question %s: last answer %q → %s, want %q to a dead end", n.ID, last.Label, last.Next, jeNeSaisPas)
		}
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
