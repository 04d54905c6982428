#!/usr/bin/env python3
"""Builds data/wordnet.tsv, the WordNet lexicon embedded by src/wordnet.rs.

Regenerate (only this needs WordNet installed; the output is committed):

    apt-get install -y wordnet-base      # WordNet 3.0 database in /usr/share/wordnet
    python3 scripts/wordnet_lexicon.py [DICT_DIR] > data/wordnet.tsv

DICT_DIR defaults to /usr/share/wordnet. Standard library only; the output is deterministic
(same input, same bytes). With --report WORD... it prints, instead of the data file, the kept
synonyms and antonyms of each WORD and some counts, to stderr-free stdout, for review.

Inputs: index.{noun,verb,adj} (a lemma's senses, most frequent first), data.{noun,verb,adj}
(synset members and antonym pointers), cntlist.rev (how often each sense was tagged in the
SemCor corpus), {verb,noun,adj}.exc (irregular inflections). Debian's wordnet-base does not ship
index.sense; cntlist.rev's sense numbers index the offsets of index.POS directly.

What is kept:

* Senses. For each lemma, per part of speech (noun, verb, adjective; adverbs are left out: few
  carry a claim and their synsets are mostly "-ly" look-alikes), the senses that are frequent:
  the first sense, and every other sense whose tag count is non-zero and at least MIN_SHARE (20%)
  of the count of the lemma's most frequent sense in that part of speech. A lemma nobody tagged
  keeps only its first sense. Rare senses ("fire" = the verb "can", "film" = "celluloid") are
  what makes WordNet align unrelated statements, so they go.
* Synsets. A synset is written when at least two different lemmas keep it: one that only its own
  lemma keeps can match nothing. It must also be anchored in running text: at least one of those
  lemmas was tagged with this very sense in SemCor. This drops taxonomy and trivia ("Felis
  catus"/"house cat", "Hejira") without losing rare synonyms of common words.
* Lemmas: lowercased, "_" becomes a space, adjective markers such as "(a)" removed; lemmas with
  digits and lemmas of more than MAX_WORDS words are dropped.
* Antonyms: WordNet's direct antonym pointers ("!"), between lemmas, where both senses are kept
  by the rule above (nouns, verbs, adjectives). Indirect antonyms of satellite adjectives are not
  followed. Listed once per pair, sorted, smaller lemma first.
* Base forms: the exception lists, inflected form -> base form(s). Only forms whose base is a
  lemma with some tag count or a kept sense (this drops "aardwolves" and the like). verb.exc and
  noun.exc are used whole. From adj.exc (comparatives and superlatives: "bigger" -> "big",
  "worse" -> "bad") entries are skipped when the form is itself a tagged noun or verb lemma, so
  "offer" does not become "off" and the verb "better" is not "good"; "best", "better", "worse"
  and "worst" are listed in ADJ_EXC_SKIP below together with the others this removes. When a form has
  several bases ("leaves": leaf, leave) they are ordered by how often the base was tagged, the
  most common first.

Format (UTF-8, one record a line, tab-separated; lines starting with '#' are comments). Sections
start with a line "@synsets", "@antonyms" or "@base":

    @synsets
    POS  LEMMA  LEMMA...      a synset, POS n/v/a; its id is its 0-based position in the section
    @antonyms
    LEMMA  LEMMA              direct antonyms
    @base
    FORM  BASE  [BASE...]     irregular inflection -> base forms, most frequent base first
"""
import os
import sys
from collections import defaultdict

# Parts of speech used, with their letter in the output and their digit in sense keys.
POS = (("noun", "n", "1"), ("verb", "v", "2"), ("adj", "a", "3"))
# Sense keys of satellite adjectives use 5; they share index.adj's numbering with 3.
SENSE_KEY_POS = {"1": "n", "2": "v", "3": "a", "5": "a"}
MIN_SHARE = 0.2
MAX_WORDS = 4
# adj.exc forms kept even though they are nouns or verbs too: irregular comparatives whose base is
# another word, worth having for antonyms ("better"/"worse" -> "good"/"bad").
SUPPLETIVE = {"better", "best", "worse", "worst"}


def clean(word):
    word = word.lower()
    if word.endswith(")") and "(" in word:
        word = word[: word.index("(")]
    return word.replace("_", " ")


def usable(lemma):
    return not any(c.isdigit() for c in lemma) and len(lemma.split(" ")) <= MAX_WORDS


def read_lines(root, name):
    with open(os.path.join(root, name), encoding="utf-8") as f:
        for line in f:
            # data.* and index.* start with a license header indented by two spaces.
            if not line.startswith("  "):
                yield line.rstrip("\n")


def read_tag_counts(root):
    """(lemma, pos letter, sense number) -> tag count."""
    counts = {}
    for line in read_lines(root, "cntlist.rev"):
        key, sense, count = line.split()
        lemma, rest = key.split("%", 1)
        pos = SENSE_KEY_POS.get(rest[0])
        if pos:
            k = (clean(lemma), pos, int(sense))
            counts[k] = counts.get(k, 0) + int(count)
    return counts


def read_index(root, name):
    """lemma -> list of synset offsets, sense 1 first."""
    senses = {}
    for line in read_lines(root, "index." + name):
        fields = line.split()
        lemma = clean(fields[0])
        p_cnt = int(fields[3])
        synset_cnt = int(fields[2])
        offsets = fields[4 + p_cnt + 2 :]
        assert len(offsets) == synset_cnt, line
        senses[lemma] = [int(o) for o in offsets]
    return senses


def read_data(root, name):
    """offset -> (members in order, antonym pointers [(word index, target offset, target pos,
    target word index)])."""
    synsets = {}
    for line in read_lines(root, "data." + name):
        fields = line.split(" | ", 1)[0].split()
        offset = int(fields[0])
        w_cnt = int(fields[3], 16)
        words = [clean(fields[4 + 2 * i]) for i in range(w_cnt)]
        i = 4 + 2 * w_cnt
        p_cnt = int(fields[i])
        antonyms = []
        for j in range(p_cnt):
            symbol, target, tpos, st = fields[i + 1 + 4 * j : i + 5 + 4 * j]
            if symbol == "!":
                antonyms.append((int(st[:2], 16), int(target), tpos, int(st[2:], 16)))
        synsets[offset] = (words, antonyms)
    return synsets


def kept_senses(lemma, senses, counts):
    """The (pos, sense number) of a lemma's frequent senses; `senses` maps each part of speech
    the lemma has to its synset offsets, most frequent sense first."""
    tags = {
        pos: [counts.get((lemma, pos, n), 0) for n in range(1, len(offsets) + 1)]
        for pos, offsets in senses.items()
    }
    top = max(max(t) for t in tags.values())
    kept = []
    for pos, pos_tags in tags.items():
        pos_top = max(pos_tags)
        # A part of speech counts if nobody tagged the lemma at all, or if its most frequent
        # sense is itself frequent next to the lemma's most frequent sense overall.
        if top > 0 and (pos_top == 0 or pos_top < MIN_SHARE * top):
            continue
        kept.extend(
            (pos, n)
            for n, tag in enumerate(pos_tags, 1)
            if n == 1 or (tag > 0 and tag >= MIN_SHARE * pos_top)
        )
    return kept


def build(root):
    counts = read_tag_counts(root)
    lemma_tags = defaultdict(int)
    for (lemma, _, _), count in counts.items():
        lemma_tags[lemma] += count

    # (pos, offset) -> kept by which lemmas, and whether one of them was tagged with it.
    keepers = defaultdict(list)
    anchored = set()
    kept = set()  # (lemma, pos, offset)
    data = {}
    index = defaultdict(dict)  # lemma -> pos -> offsets
    for name, pos, _ in POS:
        data[pos] = read_data(root, name)
        for lemma, offsets in read_index(root, name).items():
            if usable(lemma):
                index[lemma][pos] = offsets
    for lemma in sorted(index):
        for pos, n in kept_senses(lemma, index[lemma], counts):
            offset = index[lemma][pos][n - 1]
            keepers[(pos, offset)].append(lemma)
            kept.add((lemma, pos, offset))
            if counts.get((lemma, pos, n), 0) > 0:
                anchored.add((pos, offset))

    synsets = []
    for pos, offset in sorted(keepers, key=lambda k: ("nva".index(k[0]), k[1])):
        if (pos, offset) not in anchored:
            continue
        lemmas = set(keepers[(pos, offset)])
        if len(lemmas) < 2:
            continue
        # WordNet's member order, without duplicates ("US" and "U.S." stay apart).
        members = []
        for word in data[pos][offset][0]:
            if word in lemmas and word not in members:
                members.append(word)
        assert set(members) == lemmas, (pos, offset, members, lemmas)
        synsets.append((pos, members))

    antonyms = set()
    for pos in "nva":
        for offset, (words, pointers) in data[pos].items():
            for source, target, tpos, dest in pointers:
                a = words[source - 1]
                tpos = "a" if tpos == "s" else tpos
                b = data[tpos][target][0][dest - 1]
                if (a, pos, offset) in kept and (b, tpos, target) in kept and a != b:
                    antonyms.add(tuple(sorted((a, b))))

    has_sense = {lemma for lemma, _, _ in kept}
    useful = {lemma for lemma in has_sense if lemma_tags[lemma] > 0}
    useful |= {m for _, members in synsets for m in members}
    # A form that is a noun or verb itself ("offer", "hinder") is rarely a comparative.
    noun_verb = {lemma for lemma, senses in index.items() if "n" in senses or "v" in senses}
    bases = defaultdict(list)
    skipped_adj = []
    for name in ("verb.exc", "noun.exc", "adj.exc"):
        for line in read_lines(root, name):
            form, *targets = [clean(w) for w in line.split()]
            targets = [t for t in targets if t != form]  # "customer customer": not inflected
            if not targets:
                continue
            if name == "adj.exc" and form in noun_verb and form not in SUPPLETIVE:
                skipped_adj.append(form)
                continue
            for base in targets:
                if base in useful and base != form and base not in bases[form]:
                    bases[form].append(base)
    base_forms = []
    for form in sorted(bases):
        if bases[form] and usable(form):
            # Stable sort: equally common bases keep the order of the lists (verb first).
            ordered = sorted(bases[form], key=lambda b: -lemma_tags[b])
            base_forms.append((form, ordered))
    return synsets, sorted(antonyms), base_forms, sorted(set(skipped_adj))


def write(out, synsets, antonyms, base_forms):
    out.write(
        "# crosscheck's WordNet lexicon: frequent-sense synsets, direct antonyms, irregular\n"
        "# inflections. Generated by scripts/wordnet_lexicon.py from WordNet 3.0; do not edit.\n"
        "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n"
        "# Used under the WordNet license: see data/WORDNET-LICENSE.\n"
    )
    out.write("@synsets\n")
    for pos, members in synsets:
        out.write(pos + "\t" + "\t".join(members) + "\n")
    out.write("@antonyms\n")
    for a, b in antonyms:
        out.write(f"{a}\t{b}\n")
    out.write("@base\n")
    for form, bases in base_forms:
        out.write(form + "\t" + "\t".join(bases) + "\n")


def report(words, synsets, antonyms, base_forms, skipped_adj):
    lemmas = {m for _, members in synsets for m in members}
    print(f"synsets {len(synsets)}  lemmas {len(lemmas)}  "
          f"multi-word lemmas {sum(' ' in l for l in lemmas)}  "
          f"memberships {sum(len(m) for _, m in synsets)}  antonym pairs {len(antonyms)}  "
          f"base forms {len(base_forms)}  longest lemma "
          f"{max(len(l.split(' ')) for l in lemmas)} words")
    print("adj.exc forms skipped:", " ".join(skipped_adj))
    base = dict(base_forms)
    for word in words:
        print(f"== {word}" + (f"  (base: {', '.join(base[word])})" if word in base else ""))
        for pos, members in synsets:
            if word in members:
                print(f"  {pos}: " + ", ".join(m for m in members if m != word))
        opposites = [b if a == word else a for a, b in antonyms if word in (a, b)]
        if opposites:
            print("  antonyms: " + ", ".join(opposites))


def main():
    args = sys.argv[1:]
    words = None
    if "--report" in args:
        i = args.index("--report")
        args, words = args[:i], args[i + 1 :]
    root = args[0] if args else "/usr/share/wordnet"
    synsets, antonyms, base_forms, skipped_adj = build(root)
    if words is not None:
        report(words, synsets, antonyms, base_forms, skipped_adj)
    else:
        write(sys.stdout, synsets, antonyms, base_forms)


if __name__ == "__main__":
    main()
