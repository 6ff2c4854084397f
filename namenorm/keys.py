"""Phonetic keys, typo keys and token similarity: the only module that uses jellyfish.

Candidate generation looks a query token up by several keys, each cheap to
compute and each forgiving a different kind of error (the last two are
"loose" keys, consulted only when the others found nothing close):

* the token and its one-letter deletions (SymSpell) catch one typo, including
  a swap of neighbours ("smiht" / "smith");
* the Metaphone key catches English respellings ("Germanie" / "Germany");
* the sound-class skeleton folds the contrasts transliteration loses
  (p/b/f/v, t/d, l/r, doubled letters, vowels), so "Rappensperger" finds
  "Raffensperger" although they are two edits apart; its one-class deletions
  catch a vowel slip plus a consonant slip ("Stednes" / "Stevens").

Keys only propose candidates; ``token_similarity`` decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import jellyfish

from .packed import PackedSequence, PackedStrings, remember

__all__ = [
    "DERIVED_WORD",
    "EVERY_SCRIPT",
    "INITIAL",
    "MAX_DELETE_LEN",
    "MIN_DELETE_LEN",
    "SCRIPT_SOUNDS",
    "PackedWordKeys",
    "WordKeys",
    "abjad_vowel_agreement",
    "cross_script_similarity",
    "deletions",
    "edit_distance",
    "keyed_similarities",
    "letter_bag",
    "levenshtein_distance",
    "loan_key",
    "loan_shape",
    "loan_spellings",
    "loose_keys",
    "metaphone_key",
    "one_letter_deletions",
    "short_slip_ceiling",
    "short_word_slip",
    "similarity_ceiling",
    "similarity_ceilings",
    "skeleton_key",
    "spelling_variant_keys",
    "token_keys",
    "token_similarity",
    "word_keys",
]

MIN_DELETE_LEN = 4
"""Tokens shorter than this get no deletion keys: one edit in three letters is another name."""
MAX_DELETE_LEN = 40
"""Longer tokens get no deletion keys either: their number and size grow with the square of the
length (a 20,000-letter alias would file 400 million letters), and a slip in a word that long
is still found through its phonetic keys."""
_DERIVED_ENDINGS = frozenset({
    "s", "es", "n", "an", "ian", "ans", "ns", "y", "i", "e", "a", "o", "ese", "ish", "ic",
    "ova", "ová", "ovna", "ovich", "son", "sen", "ez", "ius", "us", "ita", "ito", "ina", "ine",
})
"""Endings that turn a name into another word or another person's name (plural, demonym,
feminine form, patronymic): "german"/"germany", "martin"/"martine", "horvath"/"horvathova"."""
_META_BONUS = 0.5
"""Share of the gap to 1.0 that a shared Metaphone key closes."""
_SKEL_BONUS = 1 / 3
"""Share of the gap to 1.0 that a shared sound-class skeleton closes."""
DERIVED_WORD = 0.8
SHORT_FORM = 0.9
"""Similarity of a given name and a short form of it that no given-name group lists
("val" / "valentina", "matty" / "matthew", "lina" / "angelina")."""
_DIMINUTIVE_ENDINGS = ("ie", "ey", "ee", "y", "i")
"""Endings English and other languages add to a short form: Danny, Matty, Jackie, Dani."""
_MIN_SHORT_FORM = 3
"""Letters a short form keeps at least: "al" or "ed" could begin too many names."""
_MIN_END_FORM = 4
"""Letters a short form that keeps a name's end keeps at least: "ina" ends Angelina, Christina,
Carolina and Regina alike, "lina" only the first."""
INITIAL = 0.9
"""Similarity of an initial to a word it begins ("b" / "brad")."""
"""Similarity of a token to its own extension ("german"/"germany"): a candidate, not a match."""
_MIN_SKELETON = 3
"""Skeletons shorter than this are too common to propose candidates."""
_MIN_SKELETON_DELETE = 4
"""Skeletons this long also file their one-class deletions: a vowel slip plus one consonant slip."""

# Spelling-to-sound rewrites applied in order before letters are classed. Kept as
# data so that a script-specific table can be added without touching the code.
_SKELETON_REWRITES: tuple[tuple[str, str], ...] = (
    (r"([a-z])\1+", r"\1"),  # doubled letters sound once
    (r"^kn|^gn|^pn", "n"),
    (r"^wr", "r"),
    (r"^gh", "g"),  # Ghana, Ghent; Arabic and Persian gh for q: Ghasem is Qasem
    (r"sch|tch|ch|sh|zh|dzh|dz|ts|tz|cz|sz|j", "s"),
    (r"c(?=[eiy])|g(?=[eiy])", "s"),
    (r"ph", "f"),
    (r"th", "t"),
    (r"gh", ""),
    (r"ck|qu|q|x", "k"),
)
_SKELETON_CLASSES = str.maketrans({
    "b": "p", "p": "p", "f": "p", "v": "p",
    "d": "t", "t": "t",
    "c": "k", "g": "k", "k": "k",
    "s": "s", "z": "s",
    "l": "r", "r": "r",
    "m": "n", "n": "n",
    "a": None, "e": None, "i": None, "o": None, "u": None,
    "y": None, "w": None, "h": None,
})
_SKELETON_RES = tuple((re.compile(p), r) for p, r in _SKELETON_REWRITES)
_REPEATS = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=200_000)
def skeleton_key(token: str) -> str:
    """Fold a token to its consonant sound classes.

    >>> skeleton_key("raffensperger") == skeleton_key("rappensperger") == skeleton_key("rafensperger")
    True
    >>> skeleton_key("germanie") == skeleton_key("germany")
    True
    >>> skeleton_key("2021")
    ''
    """
    if not token.isalpha():
        token = "".join(ch for ch in token if ch.isalpha())
    for pattern, repl in _SKELETON_RES:
        token = pattern.sub(repl, token)
    return _REPEATS.sub(r"\1", token.translate(_SKELETON_CLASSES))


@lru_cache(maxsize=200_000)
def metaphone_key(token: str) -> str:
    """Metaphone key of an alphabetic token ('' for digits and the like).

    >>> metaphone_key("purdue") == metaphone_key("perdue")
    True
    """
    return jellyfish.metaphone(token) if token.isalpha() else ""


def deletions(token: str) -> set[str]:
    """The token's one-letter deletions (none for very short or very long tokens: the keys of
    the word index, ``token_keys``).

    >>> sorted(deletions("smith")), deletions("inc")
    (['mith', 'sith', 'smih', 'smit', 'smth'], set())
    """
    if not MIN_DELETE_LEN <= len(token) <= MAX_DELETE_LEN:
        return set()
    return one_letter_deletions(token)


def one_letter_deletions(token: str) -> set[str]:
    """The token's one-letter deletions, whatever its length.

    >>> sorted(one_letter_deletions("inc"))
    ['ic', 'in', 'nc']
    """
    return {token[:i] + token[i + 1:] for i in range(len(token))}


def token_keys(token: str) -> set[str]:
    """Every candidate-generation key of a token; two tokens that share one are candidates.

    Deletions live in the token's own namespace; phonetic keys carry a prefix so
    a key can never equal a spelling.

    >>> bool(token_keys("rafensperger") & token_keys("raffensperger"))
    True
    >>> token_keys("2021") & token_keys("1984")
    set()
    """
    keys = {token} | deletions(token)
    meta = metaphone_key(token)
    if len(meta) >= 2:
        keys.add("\x01" + meta)
    return keys


def loose_keys(token: str) -> set[str]:
    """Broader keys, looked up only when ``token_keys`` found no close partner:
    the skeleton and its one-class deletions.

    >>> bool(loose_keys("rappensperger") & loose_keys("raffensperger"))
    True
    >>> bool(loose_keys("stednes") & loose_keys("stevens"))
    True
    """
    skel = skeleton_key(token)
    keys = {"\x02" + skel} if len(skel) >= _MIN_SKELETON else set()
    if _MIN_SKELETON_DELETE <= len(skel) <= MAX_DELETE_LEN:
        keys.update("\x02" + skel[:i] + skel[i + 1:] for i in range(len(skel)))
    return keys


def short_form_stems(token: str) -> set[str]:
    """Beginnings or ends of longer given names that ``token`` may be a short form of.

    The word itself ("val", Valentina), and without a diminutive ending,
    with a doubled consonant single too ("matty" -> "matt", "mat": Matthew).

    >>> sorted(short_form_stems("matty")), sorted(short_form_stems("al"))
    (['mat', 'matt', 'matty'], [])
    """
    stems = {token} if len(token) >= _MIN_SHORT_FORM else set()
    for ending in _DIMINUTIVE_ENDINGS:
        stem = token[:-len(ending)]
        if token.endswith(ending) and len(stem) >= _MIN_SHORT_FORM:
            stems.add(stem)
            if stem[-1] == stem[-2] and len(stem) > _MIN_SHORT_FORM:
                stems.add(stem[:-1])
    return stems


_DIMINUTIVE_END = re.compile("(?:" + "|".join(_DIMINUTIVE_ENDINGS) + ")$")


def spelling_variant_keys(name: str) -> set[str]:
    """Keys that two spellings of one given name share: the name with its diminutive ending
    written "y", and that with one letter deleted ("maggy" and "maggie", "kostja" and "kostya").

    >>> "maggy" in spelling_variant_keys("maggie") & spelling_variant_keys("maggy")
    True
    >>> spelling_variant_keys("magi") & spelling_variant_keys("maggie")
    {'magy'}
    """
    if len(name) < MIN_DELETE_LEN:
        return set()
    base = _DIMINUTIVE_END.sub("y", name)
    return {base} | deletions(base)


def short_form_parts(name: str) -> list[str]:
    """Beginnings and ends of a given name that a short form of it may keep (see
    ``short_form_stems``): Val and Valerie, and the end English keeps as often (Lina and
    Angelina, Mona and Ramona, Delia and Cordelia, Ricky and Derrick).

    >>> short_form_parts("valerie")
    ['val', 'vale', 'valer', 'lerie', 'erie']
    """
    return ([name[:end] for end in range(_MIN_SHORT_FORM, len(name) - 1)]
            + [name[start:] for start in range(2, len(name) - _MIN_END_FORM + 1)])


def is_short_form(short: str, full: str) -> bool:
    """True when ``short`` is the start of ``full``, or its end in four letters or more (two letters
    or more shorter either way), bar a diminutive ending.

    >>> is_short_form("val", "valentina"), is_short_form("franny", "frances"), is_short_form("fran", "frank")
    (True, True, False)
    >>> is_short_form("lina", "angelina"), is_short_form("ricky", "derrick"), is_short_form("ina", "angelina")
    (True, True, False)
    """
    if short[:_MIN_SHORT_FORM] != full[:_MIN_SHORT_FORM] and full[-2:] not in short[-5:]:
        # The common case, decided cheaply: the starts differ, and no stem ends in the two letters
        # the name ends in (a stem is the word, or it without an ending of one or two letters and
        # then a doubled letter: its last two letters lie in the word's last five).
        return False
    return not short_form_stems(short).isdisjoint(short_form_parts(full))


def is_derived_word(a: str, b: str) -> bool:
    """True when one token is the other plus a derivational or inflectional ending.

    >>> is_derived_word("germany", "german"), is_derived_word("martine", "martin")
    (True, True)
    >>> is_derived_word("schweitzer", "schweitze"), is_derived_word("lagoss", "lagos")
    (False, False)
    >>> is_derived_word("redbridgee", "redbridge"), is_derived_word("karntenn", "karnten")
    (False, False)
    """
    if len(a) < len(b):
        a, b = b, a
    ending = a[len(b):]
    if len(ending) == 1 and b.endswith(ending):
        return False  # "lagoss", "cartagoo": a letter typed twice, not an ending ("-es" is the plural)
    return a.startswith(b) and ending in _DERIVED_ENDINGS


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance: edits, a swap of neighbours counting as one.

    >>> edit_distance("perdue", "purdue"), edit_distance("germany", "gremany")
    (1, 1)
    """
    return int(jellyfish.damerau_levenshtein_distance(a, b))


def levenshtein_distance(a: str, b: str) -> int:
    """Levenshtein distance: letters inserted, dropped or changed, a swap of neighbours two edits.

    >>> levenshtein_distance("lang", "ran"), levenshtein_distance("ab", "ba"), edit_distance("ab", "ba")
    (2, 2, 1)
    """
    return int(jellyfish.levenshtein_distance(a, b))


def short_word_slip(a: str, b: str) -> float:
    """Similarity of two short words (two or three letters) one edit apart, else 0.0.

    ``token_similarity`` lets a short word match only itself ("li" is not "le"); between two
    words that agree, the slip of a name's linking word ("Bath adn North East Somerset", "Dol
    ori Ljubljani") is scored by this instead (``index.search.score_alignment``).

    >>> short_word_slip("adn", "and"), short_word_slip("te", "et"), short_word_slip("of", "and")
    (0.6667, 0.5, 0.0)
    """
    ceiling = short_slip_ceiling(len(a), len(b))
    return ceiling if ceiling and edit_distance(a, b) == 1 else 0.0


def short_slip_ceiling(a: int, b: int) -> float:
    """Highest ``short_word_slip`` of two words of these lengths (the search's bound).

    >>> short_slip_ceiling(3, 3), short_slip_ceiling(2, 5)
    (0.6667, 0.0)
    """
    longest = max(a, b)
    if min(a, b) < 2 or longest >= MIN_DELETE_LEN or abs(a - b) > 1:
        return 0.0
    return round(1.0 - 1.0 / longest, 4)


def token_similarity(a: str, b: str) -> tuple[float, str]:
    """Similarity of two normalized tokens in [0, 1], and the phonetic key they share.

    The base is the mean of Jaro-Winkler and normalized Damerau-Levenshtein
    similarity; a shared Metaphone key closes half the remaining gap, a shared
    skeleton a third, so respellings outrank random typos of the same length.
    An initial matches a word it begins; other tokens of one or two letters
    only ever match themselves, and a token that
    merely extends another ("german"/"germany") is a different word.

    >>> token_similarity("perdue", "perdue")
    (1.0, '')
    >>> score, key = token_similarity("purdue", "perdue"); round(score, 2), key
    (0.93, 'PRT')
    >>> token_similarity("li", "le")[0]
    0.0
    >>> token_similarity("b", "brad")
    (0.9, 'initial')
    """
    return keyed_similarities(word_keys(a), (word_keys(b),))[0]


WordKeys = tuple[str, str, str, int]
"""A token with what every comparison of it reads, computed once per token: the token,
``metaphone_key``, ``skeleton_key`` and ``letter_bag``. A plain tuple, not a named one: an
index holds one per word of its vocabulary, and a stored index reads a plain tuple back in a
third of the time."""


def word_keys(token: str) -> WordKeys:
    """The token and its keys.

    >>> word_keys("perdue")[:3]
    ('perdue', 'PRT', 'prt')
    """
    return token, metaphone_key(token), skeleton_key(token), letter_bag(token)


_BAG_DEPTH = 3
"""Occurrences of one letter a letter bag tells apart; more count as this many."""
_BAG_SLOTS = 32
"""Letter classes of a bag: a-z each its own, every other character shares the rest by code point."""


def letter_bag(token: str) -> int:
    """The token's letters as a bit set: bit ``3 * class + k`` holds when the letter occurs more than k times.

    ``(x & ~y).bit_count()`` is then at most the number of letters ``x`` has that ``y``
    lacks (counted with repeats), so no fewer edits turn one token into the other:
    a lower bound on the edit distance that costs no alignment.

    >>> (letter_bag("anna") & ~letter_bag("ana")).bit_count()
    1
    >>> (letter_bag("crux") & ~letter_bag("glasco")).bit_count()
    3
    """
    bag = 0
    for ch in token:
        code = ord(ch) - 97
        slot = code if 0 <= code < 26 else 26 + ord(ch) % (_BAG_SLOTS - 26)
        for k in range(slot * _BAG_DEPTH, (slot + 1) * _BAG_DEPTH):
            if not bag >> k & 1:
                bag |= 1 << k
                break
    return bag


_BAG_BYTES = (_BAG_SLOTS * _BAG_DEPTH + 7) // 8


class PackedWordKeys(PackedSequence[WordKeys]):
    """A vocabulary's ``word_keys``, packed as a stored index holds them (``packed``); each
    word's tuple is made the first time it is read, then kept for a while.

    >>> keyed = PackedWordKeys.build(PackedStrings.build(["perdue", "köln"]))
    >>> keyed[0] == word_keys("perdue"), keyed[1] == word_keys("köln"), len(keyed)
    (True, True, 2)
    """

    __slots__ = ("_bags", "_made", "_metaphones", "_skeletons", "_words")

    def __init__(self, words: PackedStrings, metaphones: PackedStrings, skeletons: PackedStrings,
                 bags: memoryview) -> None:
        self._words = words
        self._metaphones = metaphones
        self._skeletons = skeletons
        self._bags = bags
        """Each word's ``letter_bag``, in ``_BAG_BYTES`` bytes, little-endian."""
        self._made: dict[int, WordKeys] = {}
        """Words' keys made lately (``packed.remember``)."""

    @classmethod
    def build(cls, words: PackedStrings, keyed: Sequence[WordKeys] | None = None) -> PackedWordKeys:
        """Pack the keys of ``words``: ``keyed``, where they are computed already."""
        keyed = [word_keys(word) for word in words] if keyed is None else keyed
        return cls(words, PackedStrings.build(k[1] for k in keyed), PackedStrings.build(k[2] for k in keyed),
                   memoryview(b"".join(k[3].to_bytes(_BAG_BYTES, "little") for k in keyed)))

    def _parts(self) -> tuple[object, ...]:
        return self._words, self._metaphones, self._skeletons, self._bags

    def __len__(self) -> int:
        return len(self._words)

    def _item(self, i: int) -> WordKeys:
        found = self._made.get(i)
        if found is None:
            at = i * _BAG_BYTES
            found = remember(self._made, i, (self._words[i], self._metaphones[i], self._skeletons[i],
                                             int.from_bytes(self._bags[at:at + _BAG_BYTES], "little")))
        return found


def similarity_ceiling(a: WordKeys, b: WordKeys) -> float:
    """The highest ``token_similarity`` two words of 3+ letters can have, from their letters and keys.

    Jaro-Winkler is at most 1 and the edit distance at least what the letter bags
    differ by (``letter_bag``; one letter for another counts half, as a key's neighbour
    does), so a pair far apart is ruled out without aligning it.
    A shared phonetic key adds its bonus, and a word built on the other
    (``is_derived_word``) may score ``DERIVED_WORD`` whatever its letters.

    >>> round(similarity_ceiling(word_keys("crux"), word_keys("glasco")), 2)
    0.58
    >>> similarity_ceiling(word_keys("perdue"), word_keys("purdue")) >= token_similarity("perdue", "purdue")[0]
    True
    """
    return similarity_ceilings(a, (b,))[0]


def similarity_ceilings(a: WordKeys, words: Iterable[WordKeys]) -> list[float]:
    """``similarity_ceiling`` of one word of 3+ letters and each of ``words``, in one loop: a query
    word no key paired is bounded against every word of hundreds of candidate forms.

    >>> [round(c, 2) for c in similarity_ceilings(word_keys("crux"), [word_keys("glasco"), word_keys("crux")])]
    [0.58, 1.0]
    """
    out: list[float] = []
    append = out.append
    text_a, meta_a, skel_a, bag_a = a
    len_a = len(text_a)
    meta_keyed = len(meta_a) >= 2
    skel_keyed = len(skel_a) >= _MIN_SKELETON
    letters_a = bag_a.bit_count()
    for text_b, meta_b, skel_b, bag_b in words:
        len_b = len(text_b)
        # The letters either word lacks, counted from those the two share (as keyed_similarities
        # counts them); comparisons, not max() and abs(): this runs for hundreds of words.
        shared = (bag_a & bag_b).bit_count()
        fewest: float = letters_a - shared
        extra = bag_b.bit_count() - shared
        if extra > fewest:  # noqa: PLR1730
            fewest = extra
        gap = len_a - len_b if len_a > len_b else len_b - len_a
        if gap > fewest:  # noqa: PLR1730
            fewest = gap
        if fewest == 1 and not gap and len_a >= MIN_DELETE_LEN:
            fewest = _KEYBOARD_SLIP  # one letter for another may be a key's neighbour
        ceiling = 1.0 - 0.5 * fewest / (len_a if len_a > len_b else len_b)  # noqa: FURB136
        if meta_keyed and meta_a == meta_b:
            ceiling += (1.0 - ceiling) * _META_BONUS
        elif skel_keyed and skel_a == skel_b:
            ceiling += (1.0 - ceiling) * _SKEL_BONUS
        if ceiling < DERIVED_WORD and (text_a.startswith(text_b) or text_b.startswith(text_a)):
            ceiling = DERIVED_WORD
        append(ceiling)
    return out


def keyed_similarities(a: WordKeys, words: Iterable[WordKeys], *, score_cutoff: float = 0.0,
                       endings: bool = True) -> list[tuple[float, str]]:
    """``token_similarity`` of one token and each of ``words``, from their keys (``word_keys``).

    A query word is compared with a hundred gallery words or more: their keys are
    computed once, when the index is built, and the comparisons run in one loop.
    A similarity below ``score_cutoff`` may come back as (0.0, ""): most words a key
    proposes are too many edits away to reach it, which shows from their letters
    (``letter_bag``) or their edit distance before Jaro-Winkler is computed.

    >>> keyed_similarities(word_keys("purdue"), [word_keys("perdue"), word_keys("purdue")])[1]
    (1.0, '')
    >>> keyed_similarities(word_keys("crux"), [word_keys("glasco")], score_cutoff=0.75)
    [(0.0, '')]

    One letter struck for its key's neighbour counts as half an edit in words of four letters
    or more (``_substitution_cost``). With ``endings`` False, a word that is the other with an
    ending is scored as a misspelling of it, not capped at ``DERIVED_WORD`` (the search's
    reading of a word the gallery lacks).
    """
    out: list[tuple[float, str]] = []
    append = out.append
    text_a, meta_a, skel_a, bag_a = a
    len_a = len(text_a)
    meta_keyed = len(meta_a) >= 2
    skel_keyed = len(skel_a) >= _MIN_SKELETON
    cutoff = score_cutoff - _ROUNDING
    letters_a = bag_a.bit_count()
    none = (0.0, "")
    for b, meta_b, skel_b, bag_b in words:
        len_b = len(b)
        if text_a == b:
            append((1.0, ""))
            continue
        if len_a < 3 or len_b < 3:
            if len_a == 1 or len_b == 1:
                short, long_ = (text_a, b) if len_a == 1 else (b, text_a)
                append((INITIAL, "initial") if len(long_) > 1 and long_.startswith(short) else none)
            else:
                append(none)
            continue
        if meta_keyed and meta_a == meta_b:
            bonus, key = _META_BONUS, meta_a
        elif skel_keyed and skel_a == skel_b:
            bonus, key = _SKEL_BONUS, skel_a
        else:
            bonus, key = 0.0, ""
        # Comparisons, not max() and abs(): this loop runs for every word a key proposes.
        longest = len_a if len_a > len_b else len_b  # noqa: FURB136
        reachable = True
        if score_cutoff:
            # similarity_ceiling, inline; the letters either word lacks are counted from those
            # the two share, one operation on the bags instead of four.
            shared = (bag_a & bag_b).bit_count()
            fewest: float = letters_a - shared
            extra = bag_b.bit_count() - shared
            if extra > fewest:  # noqa: PLR1730
                fewest = extra
            gap = len_a - len_b if len_a > len_b else len_b - len_a
            if gap > fewest:  # noqa: PLR1730
                fewest = gap
            if fewest == 1 and not gap and len_a >= MIN_DELETE_LEN:
                fewest = _KEYBOARD_SLIP
            ceiling = 1.0 - 0.5 * fewest / longest
            if ceiling + (1.0 - ceiling) * bonus < cutoff:
                if fewest != gap:
                    append(none)
                    continue
                # Letters that differ by no more than the lengths do: it may still be a
                # word built on the other, which differs from it by its ending alone.
                reachable = False
        # The prefix test is is_derived_word's own last condition, asked first: it rarely holds.
        if endings and (text_a.startswith(b) or b.startswith(text_a)) and is_derived_word(text_a, b):
            # "american"/"america", "democrat"/"democrats", "martine"/"martin": another
            # word built on the name, not a misspelling of it. Close, but not a match alone.
            append((DERIVED_WORD, ""))
            continue
        if not reachable:
            append(none)
            continue
        distance: float = jellyfish.damerau_levenshtein_distance(text_a, b)
        if distance == 1 and len_a == len_b and len_a >= MIN_DELETE_LEN:
            distance = _substitution_cost(text_a, b)
        edits = 1.0 - distance / longest
        if score_cutoff:
            ceiling = 0.5 + 0.5 * edits
            if ceiling + (1.0 - ceiling) * bonus < cutoff:
                append(none)
                continue
        base = 0.5 * jellyfish.jaro_winkler_similarity(text_a, b) + 0.5 * edits
        append((base + (1.0 - base) * bonus, key))
    return out


_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
"""The letter rows of a QWERTY keyboard, each offset half a key from the one above."""
_KEYBOARD_NEIGHBOURS = frozenset(
    pair for row, below in zip(_KEYBOARD_ROWS, (*_KEYBOARD_ROWS[1:], ""))
    for k, key in enumerate(row)
    for other in (row[k + 1:k + 2], below[k - 1:k] if k else "", below[k:k + 1]) if other
    for pair in ((key, other), (other, key))
)
"""Pairs of letters whose keys touch: a finger that slips strikes one for the other (Febrl's and
most record-linkage typo models weigh such a slip as likelier than any other letter)."""
_KEYBOARD_SLIP = 0.5
"""Edits a letter struck for its key's neighbour counts as, in a word of four letters or more."""


def _substitution_cost(a: str, b: str) -> float:
    """Edits between two words of one length one edit apart: ``_KEYBOARD_SLIP`` where the one
    letter that differs is its key's neighbour ("wsrd" for "ward"), else 1 (a swap of two
    letters differs at two places and costs 1).

    >>> _substitution_cost("wsrd", "ward"), _substitution_cost("wxrd", "ward"), _substitution_cost("wrad", "ward")
    (0.5, 1, 1)
    """
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    return _KEYBOARD_SLIP if len(differ) == 1 and differ[0] in _KEYBOARD_NEIGHBOURS else 1


_ROUNDING = 1e-12
"""Margin for the cutoff test, so that rounding never drops a word that reaches the cutoff."""


# Loanword keys: how a name survives being written in Hangul, kana, Han, Cyrillic,
# Arabic or Hebrew. They fold exactly the contrasts those scripts lose: voicing and
# p/f/v (Korean, Arabic), l/r (Korean, Japanese, Chinese), r after a vowel (Korean
# and Japanese borrow from non-rhotic English: Perdue -> 퍼듀 "peodyu"), and the
# vowels they insert between consonants (Korean "eu", Japanese "u"/"o").
_LOAN_REWRITES: tuple[tuple[str, str], ...] = (
    (r"(?<![a-z])x", "s"),  # pinyin x (Xi Jinping) reads sh
    (r"(?<=[bdgklmnptv])es\b", "s"),  # Gates, James, Charles: a silent e
    (r"\bch(?=r)|ch(?=ael\b)", "k"),  # Christopher, Michael: the Greek ch
    (r"[^a-z]", ""),
    (r"([a-z])\1+", r"\1"),
    (r"dzh|tch|sch|ch|sh|zh|dz|ts|tz|j", "s"),
    (r"c(?=[eiy])", "s"),
    (r"ph", "f"),
    (r"th", "t"),
    (r"kh|gh", "h"),
    (r"ck|qu|q", "k"),
    (r"x", "ks"),  # Alexandria is Александрия, الإسكندرية: an x is written as the k and s it sounds
    (r"ngu\b", "n"),  # kana writes a final ng with a vowel after it: ホーキング "hokingu", Hawking
    (r"ng(?![aeiouy])", "n"),
)
_LOAN_EVIDENCE = 6
"""Keys shorter than four consonants scale their score by (len + 6) / 10."""
_LOAN_RES = tuple((re.compile(p), r) for p, r in _LOAN_REWRITES)
_NON_RHOTIC = re.compile(r"r(?![aeiouyw])")
"""Korean, Japanese and Chinese drop an r that no vowel follows; scripts that write
no vowels (Arabic, Hebrew) keep every r, so the rule is applied only for them. An r before
a w is kept: dropped, it left Harwich and Berwick (ハーウィッチ, バーウィック) keys too short
to be found, for what it gained Darwin (다윈)."""
_CONSONANT_CLASSES = {"b": "p", "f": "p", "v": "p", "d": "t", "c": "k", "g": "k", "z": "s", "l": "r", "m": "n"}
"""Consonants those scripts do not tell apart, each folded to one letter of its class."""
_ALPHABET_APART = {"l": "l", "m": "m"}
"""An alphabet that writes l and r, and m and n, with letters of their own (Cyrillic, Greek,
Armenian, Georgian) keeps them apart when romanized: Жириновский shares Zelenskyy's consonant
classes only with l read as r, Канарські (the Canaries) Komorski's only with n read as m."""
_LABIALS_APART = {"b": "b", "v": "b"}
"""A script that writes b (and v) with one letter and p (and f) with another keeps them apart when
romanized: Hebrew's ב and פ. Folded, פסדינה (Pasadena) had Boston's consonant classes."""


def _consonant_classes(alphabet: bool, labials: bool) -> dict[str, str]:
    """``_CONSONANT_CLASSES`` with the letters of ``_ALPHABET_APART`` and ``_LABIALS_APART`` kept
    apart where asked."""
    return {**_CONSONANT_CLASSES, **(_ALPHABET_APART if alphabet else {}), **(_LABIALS_APART if labials else {})}


def _class_tables(classes: dict[str, str]) -> tuple[dict[int, str | None], dict[int, str | None]]:
    """The tables of ``loan_key`` and ``loan_shape`` for these consonant classes."""
    return (str.maketrans({**classes, **dict.fromkeys("aeiouywh")}),
            str.maketrans({**classes, "e": "i", "o": "u", **dict.fromkeys("ywh")}))


_CLASS_TABLES = {(alphabet, labials): _class_tables(_consonant_classes(alphabet, labials))
                 for alphabet in (False, True) for labials in (False, True)}
"""``_class_tables`` by (``alphabet``, ``labials``)."""
_VOWEL_RUN = re.compile(r"[aeiou]+")
"""A run of vowels counts as its last: the sound it ends on survives borrowing best
(Korean 퍼 "eo" for the "u" of Trump folds with it, "ia" in "jiang" does not with "o")."""


@lru_cache(maxsize=200_000)
def _loan_rewritten(form: str) -> str:
    """``form`` after the loanword rewrites, which both readings (with and without r) share."""
    for pattern, repl in _LOAN_RES:
        form = pattern.sub(repl, form)
    return form


def _loan_base(form: str, rhotic: bool) -> str:
    form = _loan_rewritten(form)
    return form if rhotic else _NON_RHOTIC.sub("", form)


@lru_cache(maxsize=200_000)
def loan_key(form: str, rhotic: bool = False, alphabet: bool = False, labials: bool = False) -> str:
    """Consonant classes of a whole normalized name, as other scripts preserve them (with
    ``alphabet``, l and r, m and n apart, as an alphabet that writes each with its own letter
    keeps them; with ``labials``, b and v apart from p and f).

    >>> loan_key("donald trump") == loan_key("doneoldeu teureompeu")
    True
    >>> loan_key("donald trump", rhotic=True) == loan_key("dwnld trmb", rhotic=True)
    True
    >>> loan_key("david perdue") == loan_key("deibideu peodyu")
    True
    >>> loan_key("zelenskyy"), loan_key("zelenskyy", alphabet=True)
    ('srnsk', 'slnsk')
    >>> loan_key("kanarski", alphabet=True) == loan_key("komorski", alphabet=True)
    False
    >>> loan_key("pasadena", labials=True), loan_key("boston", labials=True)
    ('pstn', 'bstn')
    """
    return _REPEATS.sub(r"\1", _loan_base(form, rhotic).translate(_CLASS_TABLES[alphabet, labials][0]))


_OTHER_SOUNDS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    # An English g before e, i or y is as often the j of George, Virginia and Egypt as the g of
    # Gibson (Джордж, جورج, ジョージ); Korean's "geu" (Park Geun-hye) is always hard.
    (r"g(?=[eiy])(?!eu)", "j"),
    # A gh is the g of Gallagher, Baghdad and Pittsburgh (ギャラガー, 바그다드, 피츠버그, Багдад) as
    # often as the h of Ghazni; after an i or a u it is silent (Wright, Leigh, Hughes, Vaughan).
    (r"(?<![iu])gh", "g"),
    # A German or Scottish ch is the kh of Бухарест and Мюнхен, not the ch of Chile.
    (r"(?<![st])ch", "kh"),
    # A v that begins a word before l or r is the u that kana writes for it (ウラジーミル,
    # Vladimir; ウラジオストク, Vladivostok).
    (r"\bv(?=[lr])", "w"),
    # An English -re after a vowel ends the word on an r, which Hangul, kana and Han leave out
    # (Shakespeare, シェイクスピア; Moore); a French one keeps it (Pierre, ピエール).
    (r"(?<=[aeiou])re\b", "r"),
    # The ph of Stephen, Stephens and Stephenson is a v (סטיבן, Στίβεν, Стивен).
    (r"(?<=\bste)ph(?=en)", "v"),
))
"""Letters of a Latin spelling that sound otherwise in the language it was written in, and the
letters that write that sound: each gives a gallery form one more reading (``loan_spellings``)."""
EVERY_SCRIPT = "*"
"""The ``script`` of ``loan_spellings`` that reads a form every way any script may write it."""
_TH_AS_S = (re.compile("th"), "s")
"""An English th as Hangul, kana and Han write it, an s (Smith: 스미스, スミス, 史密斯; Anthony:
앤서니, アンソニー) as often as the t of Thomas (토머스, トーマス); alphabets write a t (Смит, Σμιθ)."""
_V_AS_W = (re.compile("v"), "w")
"""An English v as Han writes it, with a character of w (文, 维, 沃: Kevin 凯文, Calvin 卡尔文,
Vancouver 温哥华): Mandarin has no v. Hangul and kana write a b (케빈, ケビン), which its key keeps."""
SCRIPT_SOUNDS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "HANGUL": (_TH_AS_S,), "KATAKANA": (_TH_AS_S,), "HIRAGANA": (_TH_AS_S,), "CJK": (_TH_AS_S, _V_AS_W),
    EVERY_SCRIPT: (_TH_AS_S, _V_AS_W),
}
"""Readings of a Latin spelling that only a query in one of these scripts (``normalize.script_of``)
weighs, beside those of ``_OTHER_SOUNDS`` every script weighs; ``EVERY_SCRIPT`` has them all, as
the tables file a form (``loan_spellings``)."""
_ANY_OTHER_SOUND = {script: re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in (*_OTHER_SOUNDS, *sounds)))
                    for script, sounds in (("", ()), *SCRIPT_SOUNDS.items())}
"""Whether any of those readings applies to a form at all: most forms have none, and no reading
makes another apply that did not apply to the form (``loan_spellings`` checks this first)."""


@lru_cache(maxsize=200_000)
def loan_spellings(form: str, script: str = "") -> tuple[str, ...]:
    """``form``, and the same read each other way ``_OTHER_SOUNDS`` lists (and those
    ``SCRIPT_SOUNDS`` gives a query in ``script``), alone and together: a gallery form written in
    Latin letters is filed and compared under the loanword keys of all.

    >>> loan_spellings("george washington")
    ('george washington', 'jeorje washington')
    >>> loan_key(loan_spellings("george")[1]) == loan_key("dzhordzh")
    True
    >>> loan_spellings("zurich")
    ('zurich', 'zurikh')
    >>> loan_spellings("gordon"), loan_spellings("vladimir")[1]
    (('gordon',), 'wladimir')

    Anchorage has the kh of its ch and the j of its g at once (اینکریج, एंकरेज):

    >>> loan_spellings("anchorage")
    ('anchorage', 'anchoraje', 'ankhorage', 'ankhoraje')
    >>> loan_spellings("smith"), loan_spellings("smith", "HANGUL")
    (('smith',), ('smith', 'smis'))
    >>> loan_spellings("kevin", "HANGUL"), loan_spellings("kevin", "CJK")
    (('kevin',), ('kevin', 'kewin'))
    """
    if not _ANY_OTHER_SOUND.get(script, _ANY_OTHER_SOUND[""]).search(form):
        return (form,)
    readings = dict.fromkeys([form])
    for pattern, sound in (*_OTHER_SOUNDS, *SCRIPT_SOUNDS.get(script, ())):
        readings.update(dict.fromkeys(pattern.sub(sound, reading) for reading in list(readings)))
    return tuple(readings)


@lru_cache(maxsize=200_000)
def loan_shape(form: str, rhotic: bool = False, alphabet: bool = False, labials: bool = False) -> str:
    """``loan_key`` with a vowel class (a, i/e, o/u) for each run of vowels, to tell Kim Jong-il from Kim Jong-un.

    >>> loan_shape("kim jong il") != loan_shape("kim jong un")
    True
    """
    base = _VOWEL_RUN.sub(lambda run: run.group()[-1], _loan_base(form, rhotic))
    return _REPEATS.sub(r"\1", base.translate(_CLASS_TABLES[alphabet, labials][1]))


_KEYS_SHARE, _SHAPES_SHARE = 0.7, 0.3
"""Shares of the consonant keys and of the vowel shapes in a cross-script similarity with
vowels; a pair's keys alone bound it at ``_KEYS_SHARE * keys + _SHAPES_SHARE``."""


@lru_cache(maxsize=200_000)
def _whole_similarity(a: str, b: str, rhotic: bool, vowels: bool, alphabet: bool, labials: bool) -> float:
    """Loanword-key similarity of two strings taken whole (remembered: a scan weighs the words
    of overlapping spans against the same gallery words again and again)."""
    keys, evidence = _key_agreement(a, b, rhotic, alphabet, labials)
    if not vowels or not keys:
        return keys * evidence
    shape_a, shape_b = loan_shape(a, rhotic, alphabet, labials), loan_shape(b, rhotic, alphabet, labials)
    shapes = 1.0 - _shape_distance(shape_a, shape_b) / max(len(shape_a), len(shape_b))
    return (_KEYS_SHARE * keys + _SHAPES_SHARE * shapes) * evidence


def _key_agreement(a: str, b: str, rhotic: bool, alphabet: bool, labials: bool) -> tuple[float, float]:
    """How alike two strings' loanword keys are, and how much their length lets that say."""
    key_a, key_b = loan_key(a, rhotic, alphabet, labials), loan_key(b, rhotic, alphabet, labials)
    if not key_a or not key_b:
        return 0.0, 0.0
    keys = 1.0 - jellyfish.damerau_levenshtein_distance(key_a, key_b) / max(len(key_a), len(key_b))
    # Two or three consonants agree by chance far more often than five or six.
    evidence = min(1.0, (min(len(key_a), len(key_b)) + _LOAN_EVIDENCE) / (4 + _LOAN_EVIDENCE))
    return keys, evidence


_VOWEL_GAP = 0.5
"""Cost of a vowel one shape has and the other lacks: scripts insert vowels between
consonants (Korean 트럼프 "teureompeu", Chinese 特朗普 "telangpu" for Trump)."""
_VOWEL_SWAP = 0.5
"""Cost of one vowel class for another: English spelling hides the vowel sound ("federer" is
"fedeoreo" in Hangul, "federa" in kana)."""


def _shape_distance(a: str, b: str) -> float:
    """Edit distance of two shapes in which a missing vowel costs ``_VOWEL_GAP`` and
    one vowel class for another ``_VOWEL_SWAP``.

    The dynamic programme keeps one row and its neighbours in locals: it runs for every
    candidate of a name read across scripts, and is half a query's time.

    >>> _shape_distance(loan_shape("teureompeu"), loan_shape("trump"))   # 트럼프: two vowels inserted
    1.0
    """
    gaps_b = [_VOWEL_GAP if ch in "aiu" else 1.0 for ch in b]
    row = [0.0]
    total = 0.0
    for cost in gaps_b:
        total += cost
        row.append(total)
    letters_b = list(zip(b, gaps_b))
    for ch in a:
        vowel = ch in "aiu"
        gap = _VOWEL_GAP if vowel else 1.0
        diagonal, left = row[0], row[0] + gap
        next_row = [left]
        for j, (other, gap_b) in enumerate(letters_b, 1):
            above = row[j]
            cell = diagonal if ch == other else diagonal + (_VOWEL_SWAP if vowel and gap_b < 1.0 else 1.0)
            # Comparisons, not min(): a call per cell is a third of the programme's time.
            if above + gap < cell:  # noqa: PLR1730
                cell = above + gap
            if left + gap_b < cell:  # noqa: PLR1730
                cell = left + gap_b
            next_row.append(cell)
            diagonal, left = above, cell
        row = next_row
    return row[-1]


# Arabic and Hebrew write long vowels with consonant letters (alef "a", waw "o"/"u",
# yod/ya "i"/"e", a final he or ta marbuta "a") and leave short ones out. Their
# romanization keeps those letters, so a query's vowels can be checked against the
# Latin form's: an unwritten vowel costs little, a written one with no vowel or the
# wrong vowel at that place in the form costs much.
_MATERS = {"a": "A", "o": "U", "w": "U", "u": "U", "y": "I", "i": "I", "e": "I"}
"""Vowel letters of a romanized Arabic or Hebrew name and the vowel class each writes."""
_VOWEL_CLASS = {"a": "A", "e": "I", "i": "I", "o": "U", "u": "U"}
_SEMIVOWELS = {"U": "wv", "I": "y"}
"""Consonants a vowel letter also writes (waw is w and v, yod is y; a Latin j is already s)."""
_MEDIAL_X = re.compile(r"(?<=[a-z])x")
_UNWRITTEN_VOWEL = 0.2
"""Cost of a vowel of the form that the query leaves unwritten: usually a short one."""
_UNWRITTEN_FINAL = 0.6
"""Cost of a form's last vowel left unwritten: both scripts write a final vowel (طوكيو, موسكو)."""
_STRAY_VOWEL_LETTER = 1.0
"""Cost of a vowel letter where the form has no vowel (פסדינה's final he against Boston)."""
_OTHER_VOWEL = 0.6
"""Cost of a vowel letter that writes another vowel than the form's at that place."""


_ABJAD_CLASSES = {labials: str.maketrans(_consonant_classes(False, labials)) for labials in (False, True)}
"""Consonant classes of the letters of an abjad's name, by ``labials`` (``loan_key``)."""


def _abjad_symbols(form: str, classes: dict[int, str]) -> list[str]:
    """A romanized Arabic or Hebrew name as consonant classes and vowel letters (A, I, U)."""
    base = _loan_base(form, True)
    return [_MATERS.get(ch) or ch.translate(classes) for ch in base if ch != "h"]


def _latin_symbols(form: str) -> list[str]:
    """A Latin name as consonant classes and vowel runs (a, i, u: the run's last vowel),
    each consonant kept with its letter so a vowel letter can stand for w, v, y or j."""
    out: list[str] = []
    base = _loan_base(_MEDIAL_X.sub("ks", form), True).replace("h", "")
    for i, ch in enumerate(base):
        vowel = _VOWEL_CLASS.get(ch)
        if ch == "y" and not (i + 1 < len(base) and base[i + 1] in _VOWEL_CLASS):
            vowel = "I"  # y as a vowel: "Kyiv", "Tokyo" keeps its y before the o
        if vowel:
            if out and out[-1] in ("A", "I", "U"):
                out[-1] = vowel
            else:
                out.append(vowel)
        else:
            out.append(ch)
    return out


def _abjad_pair_cost(q: str, g: str, classes: dict[int, str]) -> float:
    """Cost of reading query symbol ``q`` as form symbol ``g`` (a letter, compared by ``classes``)."""
    if q in "AIU":
        if g in "AIU":
            return 0.0 if q == g else _OTHER_VOWEL
        return 0.0 if g in _SEMIVOWELS.get(q, "") else 1.0
    if g in "AIU":
        return 1.0
    return 0.0 if q == g.translate(classes) else 1.0  # q is a class already


@lru_cache(maxsize=100_000)
def abjad_vowel_agreement(query: str, form: str, labials: bool = False) -> float:
    """How well the vowel letters of an Arabic or Hebrew name agree with a Latin form, in [0, 1].

    Both names are aligned letter by letter: a vowel the query leaves unwritten costs
    little, a vowel letter with no vowel or another vowel in the form at that place
    costs much, so a shared consonant skeleton alone is not taken for the same name.
    Consonants are compared by their loanword classes (``loan_key``: with ``labials``, b apart
    from p).

    >>> round(abjad_vowel_agreement("bwstn", "boston"), 2)     # بوسطن
    0.97
    >>> round(abjad_vowel_agreement("psdyna", "boston"), 2)    # פסדינה, Pasadena
    0.7
    >>> round(abjad_vowel_agreement("psdyna", "boston", labials=True), 2)
    0.53
    """
    classes = _ABJAD_CLASSES[labials]
    qs, gs = _abjad_symbols(query, classes), _latin_symbols(form)
    if not qs or not gs:
        return 0.0
    agreement = _abjad_alignment(qs, gs, classes)
    if qs[:2] == ["A", "r"] and len(qs) > 4 and gs[:2] != ["A", "l"]:
        agreement = max(agreement, _abjad_alignment(qs[2:], gs, classes))  # the article al-: القاهرة, Cairo
    return agreement


def _abjad_alignment(qs: list[str], gs: list[str], classes: dict[int, str]) -> float:
    """One minus the cheapest alignment's cost per symbol of the longer name."""
    last = len(gs) - 1

    def skip_form(j: int) -> float:
        if gs[j] in "AIU":
            return _UNWRITTEN_FINAL if j == last else _UNWRITTEN_VOWEL
        return 1.0

    def skip_query(i: int) -> float:
        return _STRAY_VOWEL_LETTER if qs[i] in "AIU" else 1.0

    row = [0.0]
    for j in range(len(gs)):
        row.append(row[-1] + skip_form(j))
    for i, q in enumerate(qs):
        prev, row = row, [row[0] + skip_query(i)]
        for j, g in enumerate(gs):
            row.append(min(prev[j] + _abjad_pair_cost(q, g, classes), prev[j + 1] + skip_query(i),
                           row[j] + skip_form(j)))
    return max(0.0, 1.0 - row[-1] / max(len(qs), len(gs)))


def cross_script_similarity(a: str, b: str, rhotic: bool = False, vowels: bool = True, *,
                            alphabet: bool = False, labials: bool = False, score_cutoff: float = 0.0) -> float:
    """Similarity in [0, 1] of two normalized names written originally in different scripts.

    Mostly the agreement of their consonant classes (l and r, m and n apart where ``alphabet``,
    b and p where ``labials``: ``loan_key``), partly of their vowel pattern (unless ``vowels`` is
    False: Arabic and Hebrew write only long ones). Where both names have several words, the
    words must also line up one to one, so "Melania Trump" is not "Narendra Modi". A pair whose
    loanword keys alone show it cannot reach ``score_cutoff`` scores 0.0 without its vowels
    compared.

    >>> cross_script_similarity("brad raffensperger", "beuraedeu raepenseupeogeo") > 0.8
    True
    >>> cross_script_similarity("joe biden", "barack obama") < 0.5
    True

    A word without a consonant to compare ("ho", "hu", "a") says nothing of how the words line
    up, and is left out of that check: Хо Ши Мин is Ho Chi Minh as much as its other words are.

    >>> cross_script_similarity("ho shi min", "ho chi minh", alphabet=True)
    0.9
    """
    if score_cutoff > 0.0:
        keys, evidence = _key_agreement(a, b, rhotic, alphabet, labials)
        if (_KEYS_SHARE * keys + _SHAPES_SHARE if vowels else keys) * evidence < score_cutoff:
            return 0.0
    whole = _whole_similarity(a, b, rhotic, vowels, alphabet, labials)
    words_a = [w for w in a.split() if loan_key(w, rhotic, alphabet, labials)]
    words_b = [w for w in b.split() if loan_key(w, rhotic, alphabet, labials)]
    if len(words_a) < 2 or len(words_b) < 2 or whole < score_cutoff or whole == 0.0:
        return whole
    best = [max(_whole_similarity(x, y, rhotic, vowels, alphabet, labials) for y in words_b) for x in words_a]
    worst_word = min(sorted(best, reverse=True)[:min(len(words_a), len(words_b))])
    return whole * min(1.0, 0.5 + worst_word)
