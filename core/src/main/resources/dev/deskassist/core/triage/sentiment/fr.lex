# French sentiment lexicon (basic), written for DeskAssist. Format: see common.lex.
[polarity]
bon 1.2
bien 1
super 2
génial 2.5
excellent 2.5
parfait 2
merci 1
content 1.8
contente 1.8
satisfait 1.8
satisfaite 1.8
ravi 2
ravie 2
heureux 2
rapide 0.8
aimable 1.5
efficace 1.5
formidable 2.5
mauvais -1.5
mauvaise -1.5
nul -2
nulle -2
horrible -2.5
catastrophe -2.8
déçu -2.2
déçue -2.2
décevant -2.2
mécontent -2.2
mécontente -2.2
énervé -2.2
furieux -2.5
inadmissible -2.8
inacceptable -2.8
scandaleux -2.8
honteux -2.5
lamentable -2.5
problème -1
erreur -1
retard -1.5
perdu -1.5
cassé -1.8
endommagé -1.5
malheureusement -1
plainte -1.5
lent -1.2
arnaque -2.8
ne fonctionne pas -1.5
ne marche pas -1.5
[negation]
ne 1
pas 1
n' 1
jamais 1
rien 1
aucun 1
aucune 1
sans 1
[intensifier]
très 1.5
vraiment 1.4
trop 1.3
tellement 1.5
complètement 1.6
totalement 1.6
extrêmement 1.8
absolument 1.7
[frustration]
inadmissible 0.5
inacceptable 0.5
scandaleux 0.5
ras le bol 0.6
j'en ai marre 0.6
marre 0.5
[repeat]
encore une fois 0.5
toujours pas 0.5
pour la troisième fois 0.6
troisième fois 0.6
deuxième fois 0.4
plusieurs fois 0.5
depuis des semaines 0.5
depuis des jours 0.4
depuis des mois 0.6
de nouveau 0.3
encore 0.2
[urgency]
urgent 0.6
urgence 0.7
immédiatement 0.6
tout de suite 0.5
au plus vite 0.5
dès que possible 0.5
rapidement 0.3
aujourd'hui 0.3
critique 0.5
