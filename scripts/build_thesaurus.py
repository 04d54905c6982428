#!/usr/bin/env python3
"""Builds data/thesaurus.tsv, crosscheck's embedded synonym, antonym and base-form data, from WordNet.

Regenerate (needs Debian's wordnet-base, which installs the database in /usr/share/wordnet):

    apt-get install wordnet-base
    python3 scripts/build_thesaurus.py /usr/share/wordnet > data/thesaurus.tsv

Output is deterministic (sorted). Only the standard library is used.

What is kept, and why:
- Only the *frequent* senses of each lemma: its first sense, and any of its first three senses
  whose tag count (cntlist.rev: how often annotators saw that sense in running text) is at least
  a fifth of the first sense's. WordNet lists rare senses too ("fire" as a synonym of "can"); news
  text almost never means them, and they would align unrelated statements.
- Synsets where at least two lemmas keep them: a synset kept by one lemma matches nothing.
- Antonyms: WordNet's direct antonym pointers between lemmas, where the sense is kept on both sides.
- Base forms: the exception lists (verb.exc, noun.exc, adj.exc) for irregular inflection.
- Lemmas with digits are dropped; multi-word lemmas are kept with up to three words.
- Lemmas never seen in WordNet's sense-tagged corpus (tag count 0 in every sense) are dropped:
  rare words and names that cost lookup time and match nothing in news.
- Hypernyms: for each noun or verb lemma, the lemmas of its senses' ancestors up to
  MAX_HYPERNYM_DEPTH levels up ("slice" -> "cut", "stroll" -> "walk", "steak" -> "meat"): saying
  the specific word says the general one. The specific lemma's senses are its kept senses, or
  its first sense when annotators never met it (breeds, dishes, instruments); an ancestor's
  lemma is listed only when that ancestor is one of the general word's own kept senses.

Format, one record a line, tab-separated:
    b  FORM  BASE             irregular form -> base form (e.g. "fell" -> "fall")
    s  LEMMA  ID[,ID...]      the kept synsets of a lemma (ids are numbered here, not WordNet's)
    a  LEMMA  LEMMA           a pair of antonyms (listed once, smaller lemma first)
    h  LEMMA  LEMMA[,LEMMA]   the more general words the lemma entails (its hypernyms' lemmas)
    p  WORD  LEMMA[,LEMMA]    a word and the multi-word lemmas with synonym sets it begins
    f  LEMMA  COUNT           how often the lemma occurs in WordNet's sense-tagged corpus, for
                              lemmas seen at least MIN_FREQUENT times: a measure of how common
                              (and so how little telling) a word is in English at large
"""
import collections
import os
import sys

POS = {"noun": "1", "verb": "2", "adj": "3", "adv": "4"}
SS_TYPE_TO_POS = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
MAX_SENSE = 3
MIN_SHARE = 0.2
MAX_WORDS = 3
# Lemmas tagged at least this often in WordNet's corpus get a frequency record.
MIN_FREQUENT = 30
# How many levels of hypernyms a lemma entails: "poodle" -> "dog" -> "canine" -> "carnivore".
MAX_HYPERNYM_DEPTH = 3


def clean(lemma):
    lemma = lemma.lower()
    # Adjective markers such as "(a)" or "(p)".
    if "(" in lemma:
        lemma = lemma[: lemma.index("(")]
    return lemma.replace("_", " ")


# One- and two-letter lemmas are mostly abbreviations that collide with function words ("in" is
# an inch, "me" Maine, "or" Oregon, "us" the United States); these few are worth keeping.
SHORT_KEPT = {"tv", "uk", "un", "hq", "ad", "iq"}


def usable(lemma):
    return (
        not any(c.isdigit() for c in lemma)
        and len(lemma.split(" ")) <= MAX_WORDS
        and (len(lemma) > 2 or lemma in SHORT_KEPT)
    )


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    # Tag counts by (lemma, pos group, sense number). Satellites (5) count as adjectives (3).
    tag_count = {}
    with open(os.path.join(root, "cntlist.rev"), encoding="utf-8") as f:
        for line in f:
            key, sense_number, count = line.split()
            lemma, rest = key.split("%", 1)
            ss_type = rest.split(":", 1)[0]
            group = "3" if ss_type == "5" else ss_type
            tag_count[(clean(lemma), group, int(sense_number))] = int(count)

    kept = collections.defaultdict(set)  # lemma -> {(pos, offset)}
    first_sense = collections.defaultdict(set)  # lemma -> {(pos, offset)}: its first senses
    seen_in_text = collections.Counter()  # lemma -> tag count over all its senses and parts of speech
    for pos, group in POS.items():
        with open(os.path.join(root, "index." + pos), encoding="utf-8") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                fields = line.split()
                lemma = clean(fields[0])
                if not usable(lemma):
                    continue
                synset_cnt, p_cnt = int(fields[2]), int(fields[3])
                offsets = fields[4 + p_cnt + 2:]
                assert len(offsets) == synset_cnt, line
                first = tag_count.get((lemma, group, 1), 0)
                seen_in_text[lemma] += sum(tag_count.get((lemma, group, n), 0) for n in range(1, synset_cnt + 1))
                if pos in ("noun", "verb"):
                    first_sense[lemma].add((pos, offsets[0]))
                for number, offset in enumerate(offsets[:MAX_SENSE], start=1):
                    count = tag_count.get((lemma, group, number), 0)
                    if number == 1 or (count > 0 and count >= MIN_SHARE * first):
                        kept[lemma].add((pos, offset))

    # Senses for hypernyms: unseen lemmas (breeds, dishes) keep their first sense there.
    specific_senses = {
        lemma: (kept[lemma] if seen_in_text[lemma] > 0 else first_sense[lemma])
        for lemma in set(kept) | set(first_sense)
    }
    # Lemmas annotators never met in running text are rare words, names of plants and places:
    # they cost lookup time and bring no matches to news text.
    kept = {lemma: synsets for lemma, synsets in kept.items() if seen_in_text[lemma] > 0}

    members = collections.defaultdict(set)  # (pos, offset) -> lemmas keeping it
    for lemma, synsets in kept.items():
        for synset in synsets:
            members[synset].add(lemma)
    shared = sorted(s for s, lemmas in members.items() if len(lemmas) >= 2)
    synset_id = {s: i for i, s in enumerate(shared)}

    antonyms = set()
    derivations = set()
    parents = collections.defaultdict(set)  # (pos, offset) -> hypernym (pos, offset)s
    synset_words = {}  # (pos, offset) -> lemmas
    for pos in POS:
        with open(os.path.join(root, "data." + pos), encoding="utf-8") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                fields = line.split(" | ")[0].split()
                offset, ss_type = fields[0], fields[2]
                word_count = int(fields[3], 16)
                words = [clean(fields[4 + 2 * i]) for i in range(word_count)]
                at = 4 + 2 * word_count
                pointer_count = int(fields[at])
                synset_words[(pos, offset)] = words
                for p in range(pointer_count):
                    symbol, target, target_ss, source_target = fields[at + 1 + 4 * p: at + 5 + 4 * p]
                    if symbol == "@":
                        parents[(pos, offset)].add((SS_TYPE_TO_POS[target_ss], target))
                    if symbol not in ("!", "+"):
                        continue
                    source = int(source_target[:2], 16)
                    target_word = int(source_target[2:], 16)
                    if source == 0 or target_word == 0:
                        continue
                    a = words[source - 1]
                    source_pos = SS_TYPE_TO_POS[ss_type]
                    target_pos = SS_TYPE_TO_POS[target_ss]
                    if (source_pos, offset) not in kept.get(a, ()):
                        continue
                    # The target lemma is read from the target synset below.
                    (antonyms if symbol == "!" else derivations).add((a, target_pos, target, target_word))

    # Resolve antonym targets to lemmas.
    wanted = {(pos, off) for _, pos, off, _ in antonyms | derivations}
    target_words = {}
    for pos in POS:
        with open(os.path.join(root, "data." + pos), encoding="utf-8") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                fields = line.split()
                if (pos, fields[0]) not in wanted:
                    continue
                word_count = int(fields[3], 16)
                target_words[(pos, fields[0])] = [clean(fields[4 + 2 * i]) for i in range(word_count)]
    antonym_pairs = set()
    for a, pos, off, number in antonyms:
        b = target_words[(pos, off)][number - 1]
        if usable(a) and usable(b) and (pos, off) in kept.get(b, ()) and a != b:
            antonym_pairs.add(tuple(sorted((a, b))))

    # Derivationally related forms ("donor" / "donate" / "donation", "employ" / "employee"), in
    # their frequent senses on both sides: the same event told with another part of speech.
    derived = collections.defaultdict(set)
    for a, pos, off, number in derivations:
        b = target_words[(pos, off)][number - 1]
        if (
            usable(a) and usable(b) and a != b and " " not in a and " " not in b
            and (pos, off) in kept.get(b, ())
        ):
            derived[a].add(b)
            derived[b].add(a)

    hypernyms = {}
    for lemma, senses in specific_senses.items():
        if " " in lemma or not usable(lemma):
            continue
        general = set()
        frontier = set(senses)
        for _ in range(MAX_HYPERNYM_DEPTH):
            frontier = {p for s in frontier for p in parents.get(s, ())}
            for synset in frontier:
                for word in synset_words.get(synset, ()):
                    if word != lemma and usable(word) and synset in kept.get(word, ()):
                        general.add(word)
        if general:
            hypernyms[lemma] = general

    base_forms = set()
    for pos in ("verb", "noun", "adj"):
        with open(os.path.join(root, pos + ".exc"), encoding="utf-8") as f:
            for line in f:
                fields = line.split()
                form, bases = clean(fields[0]), [clean(b) for b in fields[1:]]
                if bases and usable(form) and form != bases[0]:
                    base_forms.add((form, bases[0], pos))

    out = sys.stdout
    out.write("# crosscheck thesaurus, generated by scripts/build_thesaurus.py from WordNet 3.0.\n")
    out.write("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n")
    out.write("# See data/WORDNET-LICENSE for the license this data is used under.\n")
    # A verb's base form wins over a noun's for the same form ("left" -> "leave", not "left").
    seen = set()
    for form, base, pos in sorted(base_forms, key=lambda r: (r[0], ("verb", "noun", "adj").index(r[2]), r[1])):
        if form not in seen:
            seen.add(form)
            out.write(f"b\t{form}\t{base}\n")
    for lemma in sorted(kept):
        ids = sorted(synset_id[s] for s in kept[lemma] if s in synset_id)
        if ids:
            out.write(f"s\t{lemma}\t{','.join(map(str, ids))}\n")
    for lemma in sorted(derived):
        out.write(f"d\t{lemma}\t{','.join(sorted(derived[lemma]))}\n")
    for lemma in sorted(hypernyms):
        out.write(f"h\t{lemma}\t{','.join(sorted(hypernyms[lemma]))}\n")
    for a, b in sorted(antonym_pairs):
        out.write(f"a\t{a}\t{b}\n")
    for lemma in sorted(seen_in_text):
        if seen_in_text[lemma] >= MIN_FREQUENT and usable(lemma) and " " not in lemma:
            out.write(f"f\t{lemma}\t{seen_in_text[lemma]}\n")
    # The first words of the multi-word lemmas with synonym sets, so that tokenizing looks up
    # the phrases a word may begin only for the few words that begin one.
    starters = collections.defaultdict(set)
    for lemma in kept:
        if " " in lemma and any(s in synset_id for s in kept[lemma]):
            starters[lemma.split(" ", 1)[0]].add(lemma)
    for word in sorted(starters):
        out.write(f"p\t{word}\t{','.join(sorted(starters[word]))}\n")


if __name__ == "__main__":
    main()
