# Spanish sentiment lexicon (basic), written for DeskAssist. Format: see common.lex.
[polarity]
bueno 1.5
buena 1.5
bien 1
genial 2.5
excelente 2.5
perfecto 2
gracias 1
contento 1.8
contenta 1.8
satisfecho 1.8
satisfecha 1.8
feliz 2
encantado 2
encantada 2
rápido 0.8
amable 1.5
maravilloso 2.5
malo -1.5
mala -1.5
mal -1.2
terrible -2.5
horrible -2.5
pésimo -3
pésima -3
decepcionado -2.2
decepcionada -2.2
enfadado -2.2
enfadada -2.2
molesto -2
furioso -2.5
inaceptable -2.8
vergüenza -2.5
vergonzoso -2.5
problema -1
error -1
retraso -1.5
perdido -1.5
roto -1.8
dañado -1.5
lamentablemente -1
desgraciadamente -1
queja -1.5
lento -1.2
estafa -2.8
no funciona -1.5
[negation]
no 1
nunca 1
jamás 1
nada 1
ningún 1
ninguna 1
sin 1
ya no 1
[intensifier]
muy 1.5
realmente 1.4
demasiado 1.3
totalmente 1.6
completamente 1.6
extremadamente 1.8
súper 1.5
tan 1.3
[frustration]
inaceptable 0.5
vergüenza 0.5
harto 0.6
harta 0.6
estoy harto 0.6
[repeat]
otra vez 0.4
de nuevo 0.3
todavía no 0.5
aún no 0.5
tercera vez 0.6
segunda vez 0.4
varias veces 0.5
desde hace semanas 0.5
desde hace días 0.4
desde hace meses 0.6
[urgency]
urgente 0.6
urgencia 0.7
inmediatamente 0.6
ahora mismo 0.5
cuanto antes 0.5
lo antes posible 0.5
hoy 0.3
crítico 0.5
