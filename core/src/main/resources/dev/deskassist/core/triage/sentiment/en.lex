# English sentiment lexicon for DeskAssist (written for the project). Format: see common.lex.
[polarity]
good 1.5
great 2
excellent 2.5
amazing 2.5
awesome 2.5
fantastic 2.5
perfect 2
wonderful 2.5
love 2
loved 2
loving 1.5
like 0.6
nice 1.5
happy 1.8
glad 1.5
pleased 1.5
satisfied 1.5
thanks 1.2
thank 1.2
thx 1
appreciate 1.5
appreciated 1.5
helpful 1.8
friendly 1.5
kind 1
quick 0.8
fast 0.8
easy 1
best 1.8
better 1
fine 0.6
smooth 1
impressed 2
recommend 1.5
resolved 1
works 0.5
worked 0.6
beautiful 2
enjoy 1.5
enjoyed 1.5
awesomeness 2
bad -1.5
terrible -2.5
horrible -2.5
awful -2.5
worst -3
worse -2
poor -1.5
useless -2
broken -1.5
broke -1
angry -2.2
annoyed -2
annoying -2
frustrated -2.2
frustrating -2.2
disappointed -2.2
disappointing -2.2
disappointment -2.2
unhappy -2
upset -2
sad -1.5
hate -2.5
hated -2.5
ridiculous -2.5
unacceptable -2.8
pathetic -2.5
rude -2.2
joke -1.5
mess -1.8
scam -2.8
fraud -2.5
fail -1.8
failed -1.5
fails -1.5
failure -1.8
problem -1
problems -1
issue -0.8
issues -0.8
error -1
wrong -1.2
delay -1.2
delayed -1.5
delays -1.5
cancelled -1.5
canceled -1.5
lost -1.5
missing -1.2
stuck -1.5
waiting -0.8
wait -0.6
late -1.2
never -0.8
nobody -1.2
nothing -0.5
complaint -1.5
complain -1.5
refund -0.5
slow -1.2
sucks -2.5
suck -2.5
fix -0.4
charged -0.8
hold -0.6
unfortunately -1
sorry -0.6
stranded -2
rebooked -0.5
doesn't work -1.5
does not work -1.5
not working -1.5
won't work -1.5
still waiting -1.5
no response -1.5
no answer -1.5
no one -1
lol 1
haha 1.2
yay 1.8
wow 1.2
congrats 2
cool 1.5
waited -1
ignored -1.8
ignoring -1.8
refused -1.5
denied -1.2
misplaced -1.5
damaged -1.5
dirty -1.8
uncomfortable -1.5
incompetent -2.5
incompetence -2.5
unprofessional -2.2
unhelpful -2
not helpful -2
no help -2
nightmare -2.5
disaster -2.5
disgusting -2.8
disgraceful -2.8
shame -1.8
shameful -2.5
embarrassing -2
lame -1.8
screwed -2.2
ruined -2.2
wasted -2
waste -2
ugh -1.8
seriously -0.8
can't believe -1.5
hung up -1.8
on hold -1.2
lie -1.8
lied -2
liar -2.5
inconvenience -1.5
inconvenient -1.5
trouble -1.2
hassle -1.5
confused -1
confusing -1.2
impossible -1.5
crap -2.2
shit -2.5
damn -1.8
hell -1.5
kudos 2
shoutout 1.5
on time 1
comfortable 1.2
professional 1.2
courteous 1.8
attentive 1.5
gracious 1.8
hero 1.8
rock 1
rocks 1.8
pleasant 1.5
delighted 2.2
grateful 1.8
well done 2
good job 2
great job 2.5
[negation]
not 1
no 1
never 1
n't 1
don't 1
doesn't 1
didn't 1
isn't 1
wasn't 1
aren't 1
weren't 1
can't 1
cannot 1
couldn't 1
won't 1
wouldn't 1
haven't 1
hasn't 1
nothing 1
without 1
no longer 1
hardly 1
[intensifier]
very 1.5
really 1.4
so 1.3
extremely 1.8
absolutely 1.7
totally 1.6
completely 1.6
incredibly 1.7
super 1.5
too 1.3
most 1.3
highly 1.5
utterly 1.8
quite 1.1
slightly 0.6
somewhat 0.7
a bit 0.7
[frustration]
unacceptable 0.5
ridiculous 0.5
fed up 0.6
sick of 0.6
tired of 0.5
enough is enough 0.6
wtf 0.5
joke 0.3
pathetic 0.4
worst 0.3
useless 0.3
furious 0.6
livid 0.6
what is going on 0.3
[repeat]
again 0.3
once again 0.4
still not 0.5
still no 0.5
still haven't 0.5
still waiting 0.5
third time 0.6
second time 0.4
fourth time 0.7
several times 0.5
multiple times 0.5
many times 0.5
for weeks 0.5
for days 0.4
for months 0.6
for hours 0.3
keep getting 0.4
every time 0.3
yet again 0.5
how many times 0.6
already contacted 0.5
already called 0.5
already told 0.4
[urgency]
urgent 0.6
urgently 0.6
asap 0.6
immediately 0.6
right now 0.5
right away 0.5
as soon as possible 0.5
emergency 0.7
critical 0.5
today 0.3
now 0.2
quickly 0.3
deadline 0.4
time-sensitive 0.5
time sensitive 0.5
before tomorrow 0.4
