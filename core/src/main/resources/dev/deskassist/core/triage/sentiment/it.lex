# Italian sentiment lexicon (basic), written for DeskAssist. Format: see common.lex.
[polarity]
buono 1.5
buona 1.5
bene 1
ottimo 2.2
ottima 2.2
eccellente 2.5
perfetto 2
grazie 1
contento 1.8
contenta 1.8
soddisfatto 1.8
soddisfatta 1.8
felice 2
gentile 1.5
veloce 0.8
fantastico 2.5
cattivo -1.5
male -1.2
pessimo -3
pessima -3
terribile -2.5
orribile -2.5
deluso -2.2
delusa -2.2
arrabbiato -2.2
arrabbiata -2.2
furioso -2.5
inaccettabile -2.8
vergogna -2.5
vergognoso -2.5
problema -1
errore -1
ritardo -1.5
perso -1.5
rotto -1.8
danneggiato -1.5
purtroppo -1
reclamo -1.5
lento -1.2
truffa -2.8
non funziona -1.5
[negation]
non 1
mai 1
niente 1
nulla 1
nessun 1
nessuna 1
senza 1
[intensifier]
molto 1.5
davvero 1.4
troppo 1.3
completamente 1.6
totalmente 1.6
estremamente 1.8
super 1.5
così 1.3
[frustration]
inaccettabile 0.5
vergogna 0.5
stufo 0.6
stufa 0.6
[repeat]
di nuovo 0.3
ancora una volta 0.5
ancora non 0.5
non ancora 0.5
terza volta 0.6
seconda volta 0.4
più volte 0.5
da settimane 0.5
da giorni 0.4
da mesi 0.6
[urgency]
urgente 0.6
urgenza 0.7
subito 0.5
immediatamente 0.6
il prima possibile 0.5
oggi 0.3
critico 0.5
