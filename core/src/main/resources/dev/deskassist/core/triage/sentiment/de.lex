# German sentiment lexicon for DeskAssist (written for the project). Format: see common.lex.
[polarity]
gut 1.5
super 2
toll 2
klasse 2
prima 2
spitze 2
hervorragend 2.5
ausgezeichnet 2.5
perfekt 2
wunderbar 2.5
wunderschön 2.5
schön 1.5
genial 2.5
großartig 2.5
freue 1.5
freut 1.5
froh 1.5
glücklich 2
zufrieden 1.8
begeistert 2.2
danke 1
dank 1
vielen dank 1.5
dankbar 1.5
hilfreich 1.8
freundlich 1.5
schnell 0.8
liebe 1.5
lieben 1.5
geil 2
cool 1.5
lustig 1.2
empfehlen 1.5
gelöst 1
funktioniert 0.5
bestens 2
erfreulich 1.8
gefällt 1.5
hoffnung 0.8
spaß 1.5
schlecht -1.5
schlechter -2
schlechteste* -3
schlimm -2
furchtbar -2.5
schrecklich -2.5
katastroph* -2.8
miserabel -2.5
mies -2
enttäusch* -2.2
ärger* -2
verärgert -2.2
wütend -2.5
sauer -2
unzufrieden -2.2
unfreundlich -2
frech* -2.2
unverschämt* -2.8
unmöglich -1.8
inakzeptabel -2.8
nicht akzeptabel -2.8
lächerlich -2.5
nervig -2
nervt -2
genervt -2.2
hasse -2.5
hass -2.5
scheiß* -2.5
mist -2
kacke -2.2
betrug -2.5
betrüger* -2.8
abzocke -2.8
traurig -1.5
leider -1
problem -1
probleme -1
fehler -1
falsch -1.2
kaputt -1.8
defekt -1.8
beschädigt -1.5
verspätet -1.5
verspätung -1.5
verloren -1.5
fehlt -1.2
fehlen -1
warten -0.8
warte -0.8
wartezeit -1
nie -0.8
niemand -1.2
beschwerde -1.5
beschweren -1.5
langsam -1.2
angst -1.5
schade -1.2
sorry -0.6
peinlich -2
dumm -2
blöd -2
doof -1.8
zumutung -2.8
funktioniert nicht -1.5
geht nicht -1.2
klappt nicht -1.5
keine antwort -1.5
keine reaktion -1.5
freu* 1.8
glückwunsch 2
herzlichen glückwunsch 2.5
gratuliere 2
lecker 1.8
endlich 0.8
yeah 1.5
juhu 2
hurra 2
haha 1.2
hahaha 1.5
lol 1
xd 1.2
geilste* 2.5
schönste* 2
beste 1.8
bester 1.8
besten 1.5
lieblings* 1.5
wow 1.5
yay 1.8
spannend 1.2
interessant 1
gewonnen 1.5
erfolg* 1.5
scheiss* -2.5
scheiße -2.5
beschissen -2.5
kotz* -2.5
ätzend -2.2
hässlich -2
überflüssig -1.5
nutzlos -2
aggressiv -1.8
fresse -2.2
unbefriedigend -2
unzuverlässig* -2
übel -2
langweilig -1.8
depress* -2
stress -1.5
müde -1
pech -1.5
krank -1.5
tot -1.5
schwach -1.2
wtf -2
fuck* -2.5
hate -2.5
sigh -1.2
nerv* -2
verarsch* -2.5
idiot* -2.5
dämlich -2.2
furchtbare* -2.5
schlimmer -2
beileid -1.5
leid -1
[negation]
nicht 1
kein 1
keine 1
keinen 1
keinem 1
keiner 1
nie 1
niemals 1
nichts 1
ohne 1
nicht mehr 1
kaum 1
[intensifier]
sehr 1.5
total 1.6
extrem 1.8
absolut 1.7
völlig 1.6
komplett 1.6
echt 1.3
wirklich 1.4
so 1.3
besonders 1.4
unglaublich 1.7
super 1.4
mega 1.6
zu 1.2
ziemlich 1.2
äußerst 1.7
höchst 1.6
etwas 0.7
bisschen 0.7
leicht 0.7
[frustration]
unverschämt* 0.5
frechheit 0.6
zumutung 0.6
lächerlich 0.5
inakzeptabel 0.5
nicht akzeptabel 0.5
reicht mir 0.6
es reicht 0.6
die nase voll 0.6
genervt 0.4
wütend 0.5
sauer 0.4
verarsch* 0.6
was soll das 0.4
[repeat]
zum dritten mal 0.6
zum zweiten mal 0.4
zum vierten mal 0.7
zum x-ten mal 0.7
zum wiederholten mal 0.6
schon wieder 0.5
immer noch 0.5
noch immer 0.5
wieder 0.2
erneut 0.3
mehrfach 0.5
mehrmals 0.5
seit wochen 0.5
seit tagen 0.4
seit monaten 0.6
seit stunden 0.3
bereits angerufen 0.5
bereits geschrieben 0.5
schon angerufen 0.5
schon geschrieben 0.5
jedes mal 0.3
wie oft noch 0.6
[urgency]
dringend 0.6
sofort 0.6
umgehend 0.6
unverzüglich 0.6
asap 0.6
eilt 0.6
eilig 0.5
notfall 0.7
heute noch 0.5
noch heute 0.5
schnellstmöglich 0.5
so schnell wie möglich 0.5
kritisch 0.5
frist 0.3
jetzt 0.2
bis morgen 0.4
