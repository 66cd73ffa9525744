# Dutch sentiment lexicon (basic), written for DeskAssist. Format: see common.lex.
[polarity]
goed 1.5
geweldig 2.5
uitstekend 2.5
perfect 2
prima 1.5
fijn 1.5
top 2
bedankt 1
dank 1
blij 1.8
tevreden 1.8
vriendelijk 1.5
snel 0.8
super 2
slecht -1.5
verschrikkelijk -2.5
vreselijk -2.5
teleurgesteld -2.2
teleurstellend -2.2
boos -2.2
ontevreden -2.2
kwaad -2.2
onacceptabel -2.8
belachelijk -2.5
schandalig -2.8
probleem -1
fout -1
vertraging -1.5
kwijt -1.5
kapot -1.8
beschadigd -1.5
helaas -1
klacht -1.5
traag -1.2
oplichting -2.8
werkt niet -1.5
[negation]
niet 1
geen 1
nooit 1
niets 1
niks 1
zonder 1
niet meer 1
[intensifier]
heel 1.5
erg 1.5
zeer 1.5
echt 1.4
te 1.2
totaal 1.6
helemaal 1.5
extreem 1.8
super 1.5
[frustration]
onacceptabel 0.5
belachelijk 0.5
schandalig 0.5
ik ben het zat 0.6
zat 0.3
[repeat]
alweer 0.5
weer 0.2
nog steeds 0.5
nog altijd 0.5
derde keer 0.6
tweede keer 0.4
meerdere keren 0.5
al weken 0.5
al dagen 0.4
al maanden 0.6
[urgency]
dringend 0.6
spoed 0.7
direct 0.4
meteen 0.5
onmiddellijk 0.6
zo snel mogelijk 0.5
vandaag nog 0.5
kritiek 0.5
