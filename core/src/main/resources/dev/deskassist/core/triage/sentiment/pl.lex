# Polish sentiment lexicon (basic), written for DeskAssist. Format: see common.lex.
[polarity]
dobry 1.5
dobra 1.5
dobrze 1.2
świetny 2.2
świetnie 2.2
super 2
doskonały 2.5
idealnie 2
dziękuję 1
dzięki 1
zadowolony 1.8
zadowolona 1.8
szczęśliwy 2
szybko 0.8
miły 1.5
uprzejmy 1.5
zły -1.5
źle -1.5
słaby -1.5
okropny -2.5
fatalny -2.8
fatalnie -2.8
tragedia -2.8
rozczarowany -2.2
rozczarowana -2.2
zdenerwowany -2.2
wściekły -2.5
niedopuszczalne -2.8
skandal -2.8
problem -1
błąd -1
opóźnienie -1.5
zgubiony -1.5
zepsuty -1.8
uszkodzony -1.5
niestety -1
reklamacja -1.2
skarga -1.5
wolno -1
oszustwo -2.8
nie działa -1.5
[negation]
nie 1
nigdy 1
nic 1
żaden 1
żadna 1
bez 1
już nie 1
[intensifier]
bardzo 1.5
naprawdę 1.4
zbyt 1.3
całkowicie 1.6
totalnie 1.6
kompletnie 1.6
niezwykle 1.8
strasznie 1.6
[frustration]
niedopuszczalne 0.5
skandal 0.5
mam dość 0.6
[repeat]
znowu 0.4
ponownie 0.3
po raz trzeci 0.6
po raz drugi 0.4
kolejny raz 0.5
wciąż nie 0.5
nadal nie 0.5
od tygodni 0.5
od dni 0.4
od miesięcy 0.6
[urgency]
pilne 0.6
pilnie 0.6
natychmiast 0.6
jak najszybciej 0.5
dzisiaj 0.3
dziś 0.3
krytyczne 0.5
