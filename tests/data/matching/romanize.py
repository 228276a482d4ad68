"""Hangul names to Latin: Revised Romanization, McCune-Reischauer, southern popular spelling.

Each function takes a Korean name as (surname, [given syllables]) in Hangul and writes
it the way a person using that system would: `rr("김", ["정", "식"])` is
"Kim Jeong-sik", `mr("최", ["춘", "식"])` is "Ch'oe Ch'un-sik", `southern("최",
["룡", "해"])` is "Choi Yong-hae". Syllables are decomposed into jamo arithmetically
(Unicode Hangul block: 19 initials x 21 vowels x 28 finals).
"""

from __future__ import annotations

from collections.abc import Iterable

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]


def _table(letters: Iterable[str], latin: str) -> dict[str, str]:
    """Jamo to Latin, the Latin given as one space-separated string (`_` for nothing)."""
    return {j: t.strip("_") for j, t in zip(letters, latin.split(), strict=True)}


RR_INITIAL = _table(INITIALS, "g kk n d tt r m b pp s ss _ j jj ch k t p h")
RR_VOWEL = _table(VOWELS, "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i")
RR_FINAL = _table(FINALS, "_ k k k n n n t l k m l l l p l m p p t t ng t t k t p t")
# MR (DPRK usage: word-initial ㄹ stays r): unvoiced and voiced initials.
MR_INITIAL = _table(INITIALS, "k kk n t tt r m p pp s ss _ ch tch ch' k' t' p' h")
MR_VOICED = {"ㄱ": "g", "ㄷ": "d", "ㅂ": "b", "ㅈ": "j"}
MR_VOWEL = _table(VOWELS, "a ae ya yae ŏ e yŏ ye o wa wae oe yo u wŏ we wi yu ŭ ŭi i")
VOICING = {"", "ㄴ", "ㄹ", "ㅁ", "ㅇ"}  # finals after which MR voices k/t/p/ch

# Surnames as their bearers usually spell them (RR for the rest).
RR_SURNAME = {"김": "Kim", "리": "Lee", "이": "Lee", "박": "Park", "최": "Choi"}
SOUTH_SURNAME = {
    "김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "조": "Cho",
    "장": "Jang", "강": "Kang", "한": "Han", "황": "Hwang", "현": "Hyun", "임": "Lim",
    "지": "Jee", "전": "Jeon", "길": "Gil", "고": "Koh", "구": "Koo", "곽": "Kwak",
    "민": "Min", "문": "Moon", "오": "Oh", "배": "Bae", "백": "Baek", "방": "Bang",
    "나": "Na", "양": "Yang", "염": "Yeom", "유": "Yoo", "신": "Shin", "손": "Sohn",
    "연": "Yeon", "윤": "Yoon", "허": "Huh", "차": "Cha", "주": "Joo", "노": "Noh",
    "우": "Woo", "여": "Yeo", "안": "Ahn", "서": "Seo",
}  # fmt: skip
# Given-name syllables as South Koreans commonly spell them (RR for the rest).
SOUTH_SYLLABLE = {
    "철": "chul", "성": "sung", "정": "jung", "석": "suk", "선": "sun", "섭": "sub",
    "건": "gun", "덕": "duk", "명": "myung", "경": "kyung", "혁": "hyuk", "현": "hyun",
    "병": "byung", "평": "pyung", "형": "hyung", "영": "young", "수": "soo", "주": "joo",
    "준": "joon", "훈": "hoon", "순": "soon", "국": "kook", "우": "woo", "욱": "wook",
    "웅": "woong", "무": "moo", "부": "boo", "문": "moon", "중": "joong", "근": "geun",
    "은": "eun", "흥": "heung", "승": "seung", "희": "hee", "서": "seo", "범": "bum",
    "권": "kwon", "규": "kyu", "광": "kwang", "기": "ki", "렬": "ryul", "열": "yeol",
}  # fmt: skip
# South Korean initial-sound rule (두음법칙): word-initial ㄹ/ㄴ before i/y.
DUEUM = {
    "리": "이", "류": "유", "량": "양", "렴": "염", "림": "임", "라": "나", "로": "노",
    "룡": "용", "렬": "열", "련": "연", "례": "예", "력": "역", "륜": "윤", "린": "인",
}  # fmt: skip


def jamo(syllable: str) -> tuple[str, str, str]:
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        raise ValueError(f"not a Hangul syllable: {syllable!r}")
    return INITIALS[code // 588], VOWELS[code % 588 // 28], FINALS[code % 28]


def rr_syllable(syllable: str) -> str:
    initial, vowel, final = jamo(syllable)
    return RR_INITIAL[initial] + RR_VOWEL[vowel] + RR_FINAL[final]


def rr(surname: str, given: list[str]) -> str:
    family = RR_SURNAME.get(surname) or rr_syllable(surname).capitalize()
    return f"{family} {_hyphenated(rr_syllable(s) for s in given)}"


def mr(surname: str, given: list[str], apostrophe: str = "'") -> str:
    words = [_mr_word([surname]), _mr_word(given)]
    return " ".join(w.replace("'", apostrophe) for w in words)


def _mr_word(syllables: list[str]) -> str:
    out, previous_final = [], None
    for syllable in syllables:
        initial, vowel, final = jamo(syllable)
        head = MR_INITIAL[initial]
        if previous_final in VOICING and initial in MR_VOICED:
            head = MR_VOICED[initial]
        out.append(head + MR_VOWEL[vowel] + RR_FINAL[final])
        previous_final = final
    return _hyphenated(out)


def southern(surname: str, given: list[str]) -> str:
    """The spelling a South Korean passport or newspaper would likely use."""
    family = DUEUM.get(surname, surname)
    family_latin = SOUTH_SURNAME.get(family) or rr_syllable(family).capitalize()
    syllables = [DUEUM.get(given[0], given[0]), *given[1:]]
    latin = (SOUTH_SYLLABLE.get(s) or rr_syllable(s) for s in syllables)
    return f"{family_latin} {_hyphenated(latin)}"


def _hyphenated(parts: Iterable[str]) -> str:
    return "-".join(parts).capitalize()
