# Portuguese sentiment lexicon (basic), written for DeskAssist. Format: see common.lex.
[polarity]
bom 1.5
boa 1.5
bem 1
ótimo 2.2
ótima 2.2
excelente 2.5
perfeito 2
obrigado 1
obrigada 1
contente 1.8
satisfeito 1.8
satisfeita 1.8
feliz 2
rápido 0.8
simpático 1.5
maravilhoso 2.5
mau -1.5
má -1.5
ruim -1.8
péssimo -3
péssima -3
terrível -2.5
horrível -2.5
decepcionado -2.2
decepcionada -2.2
chateado -2
chateada -2
irritado -2.2
furioso -2.5
inaceitável -2.8
vergonha -2.5
problema -1
erro -1
atraso -1.5
perdido -1.5
quebrado -1.8
danificado -1.5
infelizmente -1
reclamação -1.5
lento -1.2
golpe -2.5
não funciona -1.5
[negation]
não 1
nunca 1
jamais 1
nada 1
nenhum 1
nenhuma 1
sem 1
[intensifier]
muito 1.5
realmente 1.4
demais 1.3
totalmente 1.6
completamente 1.6
extremamente 1.8
super 1.5
tão 1.3
[frustration]
inaceitável 0.5
vergonha 0.5
farto 0.6
farta 0.6
[repeat]
de novo 0.3
outra vez 0.4
mais uma vez 0.5
ainda não 0.5
terceira vez 0.6
segunda vez 0.4
várias vezes 0.5
há semanas 0.5
há dias 0.4
há meses 0.6
[urgency]
urgente 0.6
urgência 0.7
imediatamente 0.6
agora mesmo 0.5
o mais rápido possível 0.5
hoje 0.3
crítico 0.5
