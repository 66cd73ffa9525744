# Cues that hold in every language: emoji and emoticons.
# Format of every .lex file: "[section]" lines; then one entry per line: a word or phrase, then a
# weight as the last whitespace-separated token. A trailing * on a word matches any word starting
# with it (at least 4 letters before the *). "#" starts a comment line.
# Sections: polarity (weight -3..3), negation (weight 1), intensifier (factor 0.2..3),
#           frustration (0..1), urgency (0..1), repeat (repeated-contact phrases, 0..1).
[polarity]
😡 -2.5
🤬 -3
😠 -2.5
😤 -2
👎 -2
😞 -1.5
😢 -1.5
😭 -1.5
😩 -2
😫 -2
🙄 -1.5
💩 -2
😒 -1.5
😔 -1.2
:( -1.5
:-( -1.5
:/ -0.8
🙂 1
😊 1.5
😀 1.5
😃 1.5
😁 1.5
😍 2
❤ 2
❤️ 2
👍 1.5
🙏 1
👏 1.5
🥰 2
😄 1.5
🎉 1.5
:) 1.5
:-) 1.5
:d 1.5
[frustration]
😡 0.5
🤬 0.6
😠 0.5
😤 0.4
🙄 0.3
