"""The cast a story's own text names: names, titles, aliases, families, gender, lines."""

from __future__ import annotations

from reader.model.build import build_story
from reader.model.loader import LoadedText
from reader.model.story import Character, Story


def story(text: str) -> Story:
    return build_story(LoadedText(text, 0, len(text), "t"), "t")


def cast(text: str) -> dict[str, Character]:
    return {c.name: c for c in story(text).characters}


def names_of(character: Character) -> set[str]:
    return {character.name, *character.aliases}


FAMILY = (
    "Mr. Bennet put down his paper. Mrs. Bennet folded her hands, and Miss Bennet "
    "looked at her sister.\n\n"
    '"My dear," said Mrs. Bennet.\n\n'
    '"Yes?" said Mr. Bennet.\n\n'
    '"Mama," said Miss Bennet.\n\n'
    '"Hush," said Mrs. Bennet.\n'
)


def test_titled_family_members_are_three_people():
    people = cast(FAMILY)
    assert {"Mr. Bennet", "Mrs. Bennet", "Miss Bennet"} <= set(people)


def test_gender_from_titles():
    people = cast(FAMILY)
    assert people["Mr. Bennet"].gender == "male"
    assert people["Mrs. Bennet"].gender == "female"
    assert people["Miss Bennet"].gender == "female"


def test_lines_count_dialogue_beats():
    people = cast(FAMILY)
    assert people["Mrs. Bennet"].lines == 2
    assert people["Mr. Bennet"].lines == 1


ALIASES = (
    "Elizabeth Bennet walked to the window. Elizabeth turned her head.\n\n"
    '"Lizzy," said her father, "come here."\n\n'
    '"Yes, Papa," said Elizabeth.\n\n'
    '"You are a good girl, Lizzy," said Mr. Bennet.\n\n'
    '"Miss Elizabeth," said Mr. Darcy, bowing his head.\n\n'
    '"Sir," said Lizzy.\n\n'
    "Darcy smiled his slow smile, and Mr. Darcy left.\n"
)


def test_full_name_first_name_and_nickname_are_one_person():
    people = cast(ALIASES)
    lizzy = [c for c in people.values() if "Lizzy" in names_of(c)]
    assert len(lizzy) == 1
    assert {"Elizabeth Bennet", "Elizabeth", "Miss Elizabeth"} <= names_of(lizzy[0])


def test_surname_with_title_joins_its_person():
    people = cast(ALIASES)
    darcy = [c for c in people.values() if "Mr. Darcy" in names_of(c)]
    assert len(darcy) == 1
    assert "Darcy" in names_of(darcy[0])


def test_titled_description_is_a_character():
    text = (
        "The Doctor came in, and the Doctor rubbed his hands by the fire.\n\n"
        '"Cold night," said the Doctor.\n'
    )
    people = cast(text)
    assert "the Doctor" in people
    assert people["the Doctor"].gender == "male"


def test_gender_from_pronouns():
    text = (
        "Missy rolled her eyes. Missy pushed her hair back, and Missy shook her head.\n\n"
        "Oren rubbed his jaw. Oren scratched his head and Oren shrugged his shoulders.\n\n"
        '"No," said Missy.\n\n'
        '"Yes," said Oren.\n'
    )
    people = cast(text)
    assert people["Missy"].gender == "female"
    assert people["Oren"].gender == "male"


def test_first_person_narrator_is_a_character():
    text = (
        '"Where to?" I asked.\n\n'
        '"The station," said Clara.\n\n'
        '"Fine," I said.\n\n'
        '"Thank you," I said.\n'
    )
    people = cast(text)
    assert people["I"].lines == 3


def test_narrator_takes_the_name_others_call_them():
    text = (
        "Clara came in.\n\n"
        '"Hello, Jake," said Clara.\n\n'
        '"Hello," I said.\n\n'
        '"You look tired, Jake."\n\n'
        '"I am," I said.\n\n'
        '"Sit down, Jake."\n\n'
        '"Thanks," I said.\n'
    )
    assert "Jake" in names_of(cast(text)["I"])


def test_common_words_at_sentence_start_are_not_people():
    text = (
        "Then Clara laughed. Well, it was late. Clara shook her head.\n\n"
        '"Well," said Clara.\n\n'
        "Then the rain came.\n"
    )
    people = cast(text)
    assert "Then" not in people and "Well" not in people
    assert "Clara" in people


def test_places_without_person_evidence_are_left_out():
    text = (
        "They came from Netherfield to Netherfield again, and Netherfield was grand.\n\n"
        '"Lovely," said Jane.\n'
    )
    assert "Netherfield" not in cast(text)


def test_gender_from_a_kin_noun_beside_the_name():
    text = '"Late again," said Kit, her brother, ducking under the awning.\n'
    assert cast(text)["Kit"].gender == "male"


def test_role_joined_to_the_name_it_is_given():
    text = (
        "Basil Hallward, the painter, stood by the easel. Basil looked at his work.\n\n"
        '"It is finished," said the painter.\n\n'
        '"Not yet," said the painter.\n'
    )
    people = cast(text)
    assert "the painter" in {n.lower() for n in names_of(people["Basil Hallward"])}
    assert people["Basil Hallward"].lines == 2


def test_titled_name_heard_only_in_speech_joins_its_owner():
    text = (
        "Agnes Pardoe opened the door. The constable stood on the step.\n\n"
        '"Morning, Mrs. Pardoe," said the constable.\n\n'
        '"Good morning," said Agnes.\n'
    )
    people = cast(text)
    agnes = [c for c in people.values() if "Agnes" in names_of(c)][0]
    assert "Mrs. Pardoe" in names_of(agnes)


def test_family_plural_is_not_a_person():
    text = (
        "The Gradgrinds came in. Mr. Gradgrind sat down, and the Gradgrinds followed.\n\n"
        '"Facts," said Mr. Gradgrind.\n'
    )
    assert "Gradgrinds" not in cast(text)


def test_a_street_or_a_house_is_no_character():
    text = (
        "Lucy walked down Summer Street in the street light. The street was quiet, and the "
        "street lamps were lit. She turned into another street and back to Summer Street.\n\n"
        "Lucy came home to Windy Corner. Windy Corner stood on the hill; she loved "
        "Windy Corner.\n\n"
        '"Home," said Lucy.\n'
    )
    people = cast(text)
    assert "Summer" not in people
    assert "Windy Corner" not in people
    assert "Lucy" in people


def test_miss_with_a_surname_is_the_sister_not_the_brother():
    text = (
        "Walter Ashby came in. Walter Ashby sat down. Walter Ashby read. "
        "Walter Ashby slept.\n\n"
        "Clara Ashby came in. Clara rubbed her eyes. Clara shook her head.\n\n"
        '"Good day," said Miss Ashby.\n\n'
        '"Good day," said Walter.\n\n'
        "Miss Ashby smiled. Miss Ashby rose.\n"
    )
    people = cast(text)
    clara = next(c for c in people.values() if "Clara" in names_of(c))
    assert "Miss Ashby" in names_of(clara)


def test_a_word_only_ever_opening_a_sentence_is_no_one():
    text = (
        "Likewise, the rain fell. Tom sat down.\n\n"
        "Likewise, the wind rose. Tom looked up.\n\n"
        '"Likewise," said Tom. Likewise, the door shut.\n'
    )
    assert "Likewise" not in cast(text)


def test_m_dot_is_monsieur():
    text = (
        "M. Lebrun bowed. M. Lebrun sat down.\n\n"
        '"Good evening," said M. Lebrun.\n\n'
        '"Good evening, Monsieur Lebrun," said Ann.\n'
    )
    people = cast(text)
    lebrun = next(c for c in people.values() if "Lebrun" in c.name)
    assert "M. Lebrun" in names_of(lebrun)
    assert lebrun.gender == "male"


def test_the_fast_name_scan_finds_what_the_name_pattern_finds():
    from reader.model.characters import NAME_RE, NAME_SCAN

    text = (
        "Mr. Darcy met Mrs Bennet and M. Lebrun. McGregor, MacDonald, O'Brien, D’Arcy and "
        "Mary-Anne van der Berg came; Lady Catherine de Bourgh, Sir\nWalter Elliot, "
        "Dr Aziz and the Doctor.\nMissy Moore saw Madame St. Clair; Xavier, Zed, "
        "OK Mme Mlle. Mary,Tom-ay\tFitzwilliam Darcy. 'Queen Mab,' said MrBrown."
    )
    assert NAME_SCAN is not NAME_RE, "NAME_RE or _WORD changed: update _WORD_SPLIT/_HEADS"
    for start, end in ((0, len(text)), (5, len(text) - 7), (9, 60)):
        expected = [m.span() for m in NAME_RE.finditer(text, start, end)]
        assert [m.span() for m in NAME_SCAN.finditer(text, start, end)] == expected


def test_lower_word_counts_match_the_lower_word_pattern():
    from collections import Counter

    from reader.model.characters import LOWER_WORD, _lower_words

    text = "Then_abc déjà vu 2nd xx x9 ab\u00a0cd “said” don't Ünd über-all the the"
    for start in range(len(text)):
        for stop in range(start, len(text) + 1):
            expected = Counter(LOWER_WORD.findall(text, start, stop))
            found = _lower_words(text, start, stop)
            assert found == expected and list(found) == list(expected)
