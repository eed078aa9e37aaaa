"""The cast a story's own text names: names, titles, aliases, families, gender, lines."""

from __future__ import annotations

import re

from reader.model.build import build_story
from reader.model.characters import build_cast, may_be_person, name_mentions
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


def test_a_compound_person_noun_tells_gender():
    text = (
        "The Parlourmaid came in. Mr. Wilcox looked up and he frowned.\n\n"
        '"Tea, sir," said the Parlourmaid. He waved a hand, and he turned away.\n\n'
        '"Very good," said the Parlourmaid. He said nothing.\n'
    )
    assert cast(text)["the Parlourmaid"].gender == "female"


def test_lady_surname_is_the_wife_of_sir_surname_not_a_daughter():
    text = (
        "Sir William Lucas bowed. Maria Lucas smiled at her father, and Maria laughed.\n\n"
        '"Come, Maria," said Sir William. Maria laughed again.\n\n'
        '"My dear," said Lady Lucas. "Maria, sit down."\n\n'
        "Maria sat down, and Lady Lucas poured the tea.\n"
    )
    people = cast(text)
    assert "Lady Lucas" not in names_of(people["Maria Lucas"])


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


def test_chosen_lower_words_count_as_the_lower_word_pattern_does(monkeypatch):
    """A few words are counted by a regex pass, many by splitting: both as LOWER_WORD."""
    from collections import Counter

    import reader.model.characters as characters

    text = "Then_abc the xx déjà vu thee the\tthe, xx x9 “the” don't théâtre the-end th"
    only = {"the", "xx", "vu", "don", "end", "th", "thee"}
    for few in (0, 64):
        monkeypatch.setattr(characters, "FEW_WORDS", few)
        for start in range(len(text)):
            for stop in range(start, len(text) + 1):
                every = Counter(characters.LOWER_WORD.findall(text, start, stop))
                found = characters._lower_words(text, start, stop, only)
                assert found == Counter({w: n for w, n in every.items() if w in only})


def test_lower_counts_past_the_sample_answer_any_word(monkeypatch):
    import reader.model.characters as characters

    monkeypatch.setattr(characters, "LOWER_SAMPLE", 20)
    text = "Rose and Will walked. " + "the rose will bloom, said Will to Rose; rosemary " * 3
    lower = characters._lower_counts(text, 0, len(text))
    lower.expect(["rose", "bloom", "Will"])
    past = text[20:]
    for word in ("rose", "will", "bloom", "said", "rosemary", "ros", "zebra", "the doctor"):
        expected = len(re.findall(rf"\b{word}\b", past)) if word not in lower.sample else None
        assert characters.lower_anywhere(lower, word) == (
            expected if expected is not None else lower[word]
        )


def test_a_given_name_tells_gender_so_a_captain_is_not_the_sister():
    text = (
        "Fanny Marsh had died young. Fanny Marsh was missed. Captain Marsh came in.\n\n"
        '"Good day," said Captain Marsh.\n\n'
        '"Good day," said Captain Marsh again.\n'
    )
    people = cast(text)
    fanny = next(c for c in people.values() if "Fanny" in c.name)
    assert fanny.gender == "female"
    assert "Captain Marsh" not in names_of(fanny)


def test_the_mother_is_not_a_daughter_who_is_a_miss():
    text = (
        "Rose Pollard sat by the fire. Rose Pollard smiled at Miss Pollard's cat. "
        "Rose turned her head. Rose shook her head.\n\n"
        '"Rose," said Mrs. Pollard, "come here."\n\n'
        '"Yes," said Rose.\n\n'
        '"Now," said Mrs. Pollard. Mrs. Pollard sat down.\n'
    )
    people = cast(text)
    rose = next(c for c in people.values() if c.name.startswith("Rose"))
    assert "Mrs. Pollard" not in names_of(rose)


def test_a_wife_called_by_her_husbands_name_is_not_the_plain_mrs():
    text = (
        "Hugh Tanner came in with Mrs. Hugh Tanner. Hugh took off his hat.\n\n"
        '"Sit down," said Mrs. Tanner.\n\n'
        '"Thank you," said Mrs. Hugh Tanner.\n\n'
        '"Tea?" said Mrs. Tanner.\n'
    )
    people = cast(text)
    wife = next(c for c in people.values() if "Mrs. Hugh Tanner" in names_of(c))
    assert "Mrs. Tanner" not in names_of(wife)


def test_a_bare_first_name_is_not_the_knight_who_is_always_sir():
    text = (
        "Sir John Middleton came in. Sir John Middleton laughed. Sir John sat down.\n\n"
        "John Dashwood bowed. John Dashwood sat by the fire.\n\n"
        '"Well," said John.\n\n'
        '"Well," said John again.\n'
    )
    people = cast(text)
    knight = next(c for c in people.values() if "Sir John Middleton" in names_of(c))
    assert "Sir John" in names_of(knight)
    assert "John" not in names_of(knight)


def test_a_word_mostly_after_of_at_or_her_is_a_place_or_a_kind():
    text = (
        "Tom had a scholarship at Kelmford. The men of Kelmford were kind to him. "
        "Kelmford, his own college town, bored him. He loved the quiet of Kelmford.\n\n"
        '"Kelmford is empty," said Tom.\n\n'
        "Her Pathan cousin, a Pathan of the hills, sat with a Pathan friend. "
        "Pathan blood ran in his veins.\n\n"
        '"Yes," said Tom again.\n'
    )
    people = cast(text)
    assert "Kelmford" not in people
    assert "Pathan" not in people
    assert "Tom" in people


def test_a_lowercase_particle_belongs_inside_the_surname():
    text = (
        "Mr. van der Berg came in. Mrs. van der Berg followed him.\n\n"
        '"Good evening," said Mr. van der Berg.\n\n'
        '"Good evening," said Mrs. van der Berg.\n\n'
        "The marquis de Vaulx bowed. De Vaulx smiled his thin smile, and Vaulx sat down.\n\n"
        '"Charmed," said De Vaulx.\n'
    )
    people = cast(text)
    assert "Mr. van der Berg" in people and "Mrs. van der Berg" in people
    assert people["Mr. van der Berg"].gender == "male"
    assert not any(name.endswith(" van") for name in people)
    de_vaulx = next(c for c in people.values() if "De Vaulx" in names_of(c))
    assert "Vaulx" in names_of(de_vaulx)
    assert de_vaulx.gender == "male"


def test_a_french_title_alone_is_no_one():
    text = (
        '"Is Mlle. to marry him?" asked Paul. Mlle. Rose laughed.\n\n'
        '"Yes, Mlle.," said Paul. Mlle. turned away. Mlle. was right, and Mlle. smiled.\n\n'
        '"Well," said Mlle. Rose.\n'
    )
    people = cast(text)
    assert "Mlle" not in people and "Mlle." not in people


def test_a_word_between_commas_in_narration_is_a_list_not_someone_addressed():
    text = (
        "The old faiths, Druid, Mithraist, or Parsee, were one to Tom. Any creed, Druid, "
        "Mithraist, or Parsee, would do.\n\n"
        '"Come here, Ada," said Tom.\n\n'
        '"Well, Ada?" said Tom.\n'
    )
    people = cast(text)
    assert "Mithraist" not in people
    assert "Ada" in people


def test_a_nickname_tells_gender_through_its_full_name():
    text = (
        "Freddy Marsh came in late. Mike Dunn followed.\n\n"
        '"Hullo," said Freddy.\n\n'
        '"Hullo," said Mike.\n'
    )
    people = cast(text)
    freddy = next(c for c in people.values() if "Freddy" in c.name)
    mike = next(c for c in people.values() if "Mike" in c.name)
    assert freddy.gender == "male" and mike.gender == "male"


def test_a_given_name_tells_gender_when_no_pronoun_does():
    from reader.model.given_names import given_name_gender

    assert given_name_gender("Vivian") == "female"
    assert given_name_gender("Ambrose") == "male"
    assert given_name_gender("Xqzt") is None
    text = (
        "Vivian Ashdown stood on the stage. Ambrose Kell came down the aisle.\n\n"
        '"Say something," said Ambrose.\n\n'
        '"Something," Vivian croaked.\n'
    )
    people = cast(text)
    genders = {c.name: c.gender for c in people.values()}
    assert genders.get("Vivian Ashdown") == "female"
    assert genders.get("Ambrose Kell") == "male"


def test_a_pronoun_after_a_name_acted_on_does_not_tell_its_gender():
    text = (
        "Louisa looked at Tom. She sighed.\n\n"
        "Tom Gradwell came in. Louisa watched Tom. She smiled.\n\n"
        '"Hullo," said Tom.\n'
    )
    tom = next(c for c in cast(text).values() if c.name.startswith("Tom"))
    assert tom.gender == "male"


def test_mrs_surname_may_be_the_wife_when_miss_surname_is_her_daughter():
    text = (
        "Evie Ashcombe came in. Evie Ashcombe sat down. Evie smiled her small smile.\n\n"
        "Ruth Ashcombe watched her. Ruth Ashcombe folded her hands.\n\n"
        '"Tea?" said Miss Ashcombe.\n\n'
        '"Thank you," said Mrs. Ashcombe.\n\n'
        '"Milk?" said Mrs. Ashcombe.\n'
    )
    people = cast(text)
    ruth = next(c for c in people.values() if "Ruth Ashcombe" in names_of(c))
    evie = next(c for c in people.values() if "Evie Ashcombe" in names_of(c))
    assert "Mrs. Ashcombe" in names_of(ruth)
    assert "Miss Ashcombe" in names_of(evie)


def test_a_titled_nickname_joins_the_full_name():
    text = (
        "Elizabeth Bennet walked in. Elizabeth sat down.\n\n"
        '"Come, Miss Lizzy," said the maid.\n\n'
        '"Yes," said Miss Lizzy.\n\n'
        '"Good," said Elizabeth.\n'
    )
    people = cast(text)
    lizzy = next(c for c in people.values() if "Miss Lizzy" in names_of(c))
    assert "Elizabeth Bennet" in names_of(lizzy)


def test_a_full_first_name_joins_the_one_known_by_its_nickname():
    text = (
        "Mike Campbell came in. Mike laughed.\n\n"
        '"Michael, you are drunk," said Brett.\n\n'
        "Michael shook his head. Michael sat down.\n"
    )
    people = cast(text)
    mike = next(c for c in people.values() if "Mike Campbell" in names_of(c))
    assert "Michael" in names_of(mike)


def test_a_countess_is_addressed_as_madame():
    text = (
        "Countess Varenska came in. Madame Varenska sat down.\n\n"
        '"Good evening," said Madame Varenska.\n\n'
        '"Good evening," said Countess Varenska.\n'
    )
    people = cast(text)
    countess = next(c for c in people.values() if "Madame Varenska" in names_of(c))
    assert "Countess Varenska" in names_of(countess)


def test_a_given_name_after_in_is_still_a_person():
    text = (
        "He took an interest in Fanny Hale. There was much to like in Fanny Hale. "
        "Fanny Hale was shy.\n\n"
        '"Good day," said Fanny.\n'
    )
    people = cast(text)
    assert any("Fanny Hale" in names_of(c) for c in people.values())


def test_the_doctor_of_a_mrs_is_her_husband():
    text = (
        "Mrs. Grove poured the tea. Dr. Grove came in; Mrs. Grove smiled at her cup, and "
        "Dr. Grove saw her look.\n\n"
        '"Sit down," said Mrs. Grove.\n\n'
        '"Thank you," said Dr. Grove.\n'
    )
    assert cast(text)["Dr. Grove"].gender == "male"


def test_someone_looked_at_is_still_a_person():
    text = (
        "Harry looked at Wenna. Ron glanced at Wenna and grinned at Wenna again.\n\n"
        '"Hello, Wenna," said Harry.\n'
    )
    assert "Wenna" in cast(text)


def test_a_full_title_ending_a_sentence_does_not_take_the_next_word():
    text = "He bowed to the Admiral. Kelso came in. Mr. Ross bowed to the Colonel. Ross sat."
    _, census = name_mentions(text, 0, len(text))
    assert not any(key.endswith(" kelso") for key in census.counts)
    assert census.counts["mr ross"] == 1


def test_a_colonel_is_not_the_son_addressed_as_mister():
    text = (
        "Albert Fussell came in. Albert Fussell sat down. Colonel Fussell frowned.\n\n"
        '"Well, Mr. Fussell?" said Dolly.\n\n'
        '"Well," said Colonel Fussell, his father.\n\n'
        '"Quite," said Mr. Fussell.\n\n'
        '"Quite," said Colonel Fussell again.\n'
    )
    people = cast(text)
    albert = next(c for c in people.values() if "Albert Fussell" in names_of(c))
    assert "Mr. Fussell" in names_of(albert)
    assert "Colonel Fussell" not in names_of(albert)


def test_a_kinship_title_goes_with_any_address():
    text = (
        "Percy Cahill came in. Percy Cahill bowed. Mr. Cahill smiled.\n\n"
        '"Hullo, Uncle Percy," said Evie. Uncle Percy laughed.\n\n'
        '"Hullo," said Mr. Cahill.\n\n'
        '"Tea?" said Mr. Cahill.\n'
    )
    people = cast(text)
    percy = next(c for c in people.values() if "Percy Cahill" in names_of(c))
    assert "Uncle Percy" in names_of(percy)


def test_a_shared_first_name_is_the_one_whose_wife_goes_by_it():
    text = (
        "Charles Hayter came in. Charles Hayter bowed. Charles Hayter sat down.\n\n"
        "Charles Musgrove followed with Mrs. Charles Musgrove.\n\n"
        '"Well," said Charles.\n\n'
        '"Well," said Charles again.\n'
    )
    people = cast(text)
    husband = next(c for c in people.values() if "Charles Musgrove" in names_of(c))
    assert "Charles" in names_of(husband)


def test_mister_and_doctor_of_one_surname_are_one_man():
    text = (
        "Doctor Lomax came in. Doctor Lomax bowed. Mr. Lomax sat down.\n\n"
        '"Better," said Mr. Lomax.\n\n'
        '"Good," said Doctor Lomax.\n'
    )
    people = cast(text)
    lomax = next(c for c in people.values() if "Doctor Lomax" in names_of(c))
    assert "Mr. Lomax" in names_of(lomax)


def test_a_teasing_auntie_is_no_part_of_a_name():
    text = (
        "Tibby yawned. Tibby stretched his legs.\n\n"
        '"All right, Auntie Tibby," called Helen.\n\n'
        '"Auntie is asleep," said Tibby.\n'
    )
    people = cast(text)
    assert "Tibby" in people and people["Tibby"].gender == "male"
    assert not any("Auntie" in names_of(c) for c in people.values())


def test_general_and_major_as_adjectives_name_no_officer():
    text = (
        "Rating: General Audiences\nArchive Warning: Major Character Death\n\n"
        "General Tilney came in. The general frowned.\n"
    )
    _, census = name_mentions(text, 0, len(text))
    lookup = build_cast(census, False).lookup
    assert "general audiences" not in lookup and "major character death" not in lookup
    assert "general tilney" in lookup


def test_a_clergyman_is_mister_as_well_as_reverend():
    text = (
        "Rev. Cuthbert Eagle preached. Mr. Eagle bowed. Mr. Eagle sat down.\n\n"
        '"Amen," said Mr. Eagle.\n'
    )
    people = cast(text)
    eagle = next(c for c in people.values() if "Mr. Eagle" in names_of(c))
    assert "Rev. Cuthbert Eagle" in names_of(eagle)


def test_miss_surname_alone_is_the_elder_sister_not_miss_firstname_surname():
    text = (
        "Meg Holt came in. Meg smiled. Meg sat down. Meg poured the tea.\n\n"
        "Nell Holt followed her. Miss Nell Holt was the younger.\n\n"
        '"Tea?" said Miss Holt.\n\n'
        '"Please," said Nell.\n'
    )
    people = cast(text)
    nell = next(c for c in people.values() if "Nell Holt" in names_of(c))
    assert "Miss Holt" not in names_of(nell)


def test_the_plain_mister_is_the_father_when_a_son_s_wife_goes_by_his_name():
    text = (
        "Tom Holt came in with Mrs. Tom Holt. Tom Holt sat down. Ned Holt followed.\n\n"
        "Mr. Holt looked up, and Mrs. Holt smiled at her sons.\n\n"
        '"Late," said Mr. Holt.\n\n'
        '"Sorry," said Tom.\n\n'
        '"Sit," said Mr. Holt.\n'
    )
    people = cast(text)
    father = next(c for c in people.values() if "Mr. Holt" in names_of(c))
    assert not names_of(father) & {"Tom Holt", "Ned Holt", "Tom", "Ned"}
    assert father.gender == "male"


def test_a_first_name_used_often_is_not_the_lady_named_once():
    text = (
        "Lady Jane Ormsby was a name in the paper.\n\n"
        + "Jane smiled. Jane sat down. Jane poured the tea. Jane laughed.\n\n" * 2
        + '"Tea?" said Jane.\n'
    )
    people = cast(text)
    jane = next(c for c in people.values() if "Jane" in names_of(c))
    assert jane.name == "Jane" and "Lady Jane Ormsby" not in names_of(jane)


def test_a_kind_of_person_is_no_character():
    text = (
        "Tom sat down. Tom smiled. A Devout Quaker walked in and a Devout Quaker sat.\n\n"
        "Tom thought like the average Quaker. He was calm.\n\n"
        "Tom was no ordinary Quaker, after all.\n\n"
        '"Tea?" said Tom.\n'
    )
    people = cast(text)
    assert not any("Quaker" in n for c in people.values() for n in names_of(c))


def test_a_saint_s_name_after_st_is_a_place():
    text = (
        "Tom went to St. Augustine for the winter. St. Augustine was warm.\n\n"
        "St. Augustine sat in its bay. St. Augustine slept in the sun.\n\n"
        "Lord St Ives called. Lord St Ives bowed.\n\n"
        '"Warm?" said Tom.\n'
    )
    people = cast(text)
    assert not any("Augustine" in n for c in people.values() for n in names_of(c))
    assert "Lord St Ives" in people


def test_a_word_used_often_alone_is_not_the_maiden_name_named_twice():
    text = (
        "Regina Dallas had married well. Regina Dallas was proud.\n\n"
        + "Dallas laughed. Dallas ran to his door. Dallas turned.\n\n" * 4
        + '"Hello," said Dallas.\n'
    )
    people = cast(text)
    regina = next(c for c in people.values() if "Regina Dallas" in names_of(c))
    assert "Dallas" not in names_of(regina)


def test_a_rank_goes_with_a_surname():
    text = (
        "Major Holt came in. Major Holt sat down. Mrs. Holt smiled at him.\n\n"
        "Holt laughed. Holt lit his pipe.\n\n"
        '"Well," said Holt.\n'
    )
    people = cast(text)
    major = next(c for c in people.values() if "Major Holt" in names_of(c))
    assert "Holt" in names_of(major)


def test_a_plural_title_names_no_one():
    text = (
        "Mesdames Holt and Grey called. Mesdames Holt and Grey left cards.\n\n"
        "Major Holt came in. Major Holt sat down.\n\n"
        '"Well," said Major Holt.\n'
    )
    people = cast(text)
    assert not any("Mesdames" in n for c in people.values() for n in names_of(c))


def test_a_bare_rank_is_its_chief_holder_but_a_queen_is_not_the_king():
    text = (
        "Admiral Holt came in. Admiral Holt sat down. Admiral Holt laughed.\n\n"
        "Admiral Grey had written once.\n\n"
        '"I hope, Admiral, you slept," said Anne.\n\n'
        "The King frowned. The King sat down. The Queen smiled.\n\n"
        '"Off with his head," said the Queen.\n'
    )
    people = cast(text)
    holt = next(c for c in people.values() if "Admiral Holt" in names_of(c))
    assert "Admiral" in names_of(holt)
    assert not any(
        {"the King", "King"} & names_of(c) and {"the Queen", "Queen"} & names_of(c)
        for c in people.values()
    )


def test_a_stray_pronoun_or_two_does_not_overturn_a_well_known_given_name():
    text = (
        "Elinor looked up. Edward shook her hand. Edward kissed her cheek.\n\n"
        '"Thank you," said Elinor.\n\n'
        '"Not at all," said Edward.\n'
    )
    assert cast(text)["Edward"].gender == "male"


def test_an_adverb_opening_a_sentence_is_no_part_of_a_name():
    text = (
        "Helen sat down. Helen smiled.\n\n"
        "Presently Helen rose. Presently, he thought, it would rain.\n\n"
        '"Rain," said Helen.\n'
    )
    people = cast(text)
    assert not any("Presently" in n for c in people.values() for n in names_of(c))


def test_a_name_in_a_list_of_titles_is_not_someone_addressed():
    text = 'Tom read.\n\n"I have Udolpho, Clermont, Warnings and more."\n\n"Well, Jane, good."\n'
    quotes = [(m.start(), m.end()) for m in re.finditer(r'"[^"]*"', text)]
    _, census = name_mentions(text, 0, len(text), quotes)
    assert census.addressed["clermont"] == 0
    assert census.addressed["jane"] == 1


def test_a_land_people_go_to_is_no_newcomer():
    text = (
        "Lucy was going to Greece. She had never been to Greece. Greece was far.\n\n"
        "Tom went to Greece once. Tom turned to Jane. Jane smiled.\n"
    )
    _, census = name_mentions(text, 0, len(text))
    assert not may_be_person("greece", census)
    assert may_be_person("jane", census)


def test_an_old_conjunction_opening_a_line_is_no_one():
    text = (
        "Tom sat down. Tom smiled.\n\n"
        'He read the poem: Ere one can say, "It lightens." Hence he wept.\n\n'
        '"Sad," said Tom.\n'
    )
    people = cast(text)
    assert not {"Ere", "Hence"} & set(people)


def test_len_is_short_for_leonard():
    text = (
        "Leonard Hale came in. Leonard sat down.\n\n"
        '"Tea, Len?" asked Jacky.\n\n'
        '"Please," said Len.\n'
    )
    people = cast(text)
    leonard = next(c for c in people.values() if "Leonard Hale" in names_of(c))
    assert "Len" in names_of(leonard)


def test_the_plain_mister_is_the_father_of_a_couple_whose_son_goes_by_his_first_name():
    text = (
        "Mr. and Mrs. Holt were at home. Mr. and Mrs. Holt had a son, Ned Holt.\n\n"
        "Ned smiled. Ned sat down. Ned laughed. Mr. Holt read.\n\n"
        '"Home," said Ned.\n\n'
        '"Good," said Mr. Holt.\n'
    )
    people = cast(text)
    father = next(c for c in people.values() if "Mr. Holt" in names_of(c))
    assert not names_of(father) & {"Ned Holt", "Ned"}


def test_a_family_speaking_together_is_no_character():
    text = (
        "Miss Holt came in. Mr. Holt followed.\n\n"
        '"Welcome," said the Holts.\n\n'
        '"Thank you," said the Holts again.\n\n'
        '"Tea?" said Miss Holt.\n'
    )
    people = cast(text)
    assert not any("the Holts" in names_of(c) for c in people.values())


def test_a_hero_called_by_his_surname_keeps_his_full_name():
    text = (
        "Sherlock Holmes lit his pipe. Sherlock Holmes smiled. Sherlock sat down.\n\n"
        + "Holmes laughed. Holmes turned. Holmes lit his pipe again.\n\n" * 5
        + '"Quite," said Holmes.\n'
    )
    people = cast(text)
    holmes = next(c for c in people.values() if "Sherlock Holmes" in names_of(c))
    assert "Holmes" in names_of(holmes)


def test_a_titled_plural_is_a_family():
    text = (
        "Miss Holt came in. Miss Holt sat down.\n\n"
        "Miss Holts were everywhere that winter. Miss Holts laughed.\n\n"
        '"Tea?" said Miss Holt.\n'
    )
    people = cast(text)
    assert not any("Miss Holts" in names_of(c) for c in people.values())


def test_a_bare_foreign_honorific_is_no_character():
    text = (
        "The old lady sat in her chair. Polina stood by the window.\n\n"
        '"The carriage is here, Madame," said Polina.\n\n'
        '"Pardon me, Madame," said the General. "Are you tired, Madame?"\n\n'
        '"Madame will rest," said Madame, and Madame closed her eyes.\n'
    )
    assert not any(c.name == "Madame" for c in cast(text).values())


def test_a_noble_title_of_a_place_is_one_person():
    text = (
        "Mr. Tolley sat beside the Duchess of Wexmoor, who was fanning herself.\n\n"
        '"It is warm tonight," said the duchess.\n\n'
        '"Very warm," said Mr. Tolley.\n\n'
        '"You are always agreeable," the duchess said, laughing.\n'
    )
    people = cast(text)
    assert people["Duchess of Wexmoor"].gender == "female"
    assert people["Duchess of Wexmoor"].lines == 2
    assert "Wexmoor" not in people and "Duchess" not in people


def test_a_word_written_in_lower_case_past_the_sample_is_no_name(monkeypatch):
    from reader.model import characters

    monkeypatch.setattr(characters, "LOWER_SAMPLE", 120)
    text = (
        "Tom turned to Jane. Science, she thought, would not help.\n\n"
        "Tom sat down. Tom waited by the window for the rain to stop.\n\n"
        "Later Jane read a book of science. She liked science more than Tom did.\n"
    )
    _, census = name_mentions(text, 0, len(text))
    assert not may_be_person("science", census)
    assert may_be_person("jane", census)


def test_a_plural_of_a_name_is_a_people_not_a_newcomer():
    text = (
        "Tom met an American at the station. The American smiled.\n\n"
        "Americans, Tom thought, were always smiling. Jane laughed.\n"
    )
    _, census = name_mentions(text, 0, len(text))
    assert not may_be_person("americans", census)
    assert may_be_person("jane", census)


def test_a_word_after_french_l_or_des_is_a_place():
    text = "Tom drove up the Avenue de l'Opera and down the Rue des Tuiles. Jane laughed.\n"
    _, census = name_mentions(text, 0, len(text))
    assert not may_be_person("opera", census)
    assert not may_be_person("tuiles", census)
    assert may_be_person("jane", census)


def test_a_bare_surname_is_the_brother_not_the_miss():
    text = (
        "Miss Hartley sat by the fire. Nora Hartley sewed. Nora sighed. Nora waited.\n\n"
        '"Nonsense," said Nora. Nora laughed, and Nora rose.\n\n'
        '"Well," said Nora. Nora turned. Nora Hartley smiled.\n\n'
        "Her brother, Walter Hartley, came in. Walter Hartley nodded.\n\n"
        "Hartley laughed at his friend. Hartley shrugged.\n\n"
        '"Come out," said Hartley.\n'
    )
    people = cast(text)
    assert "Hartley" not in names_of(people["Nora Hartley"])


def test_the_son_called_mister_and_his_first_name_is_not_the_plain_mister():
    text = (
        "Mr. Pellow sat at the head of the table. Mr. Pellow frowned.\n\n"
        "Tom Pellow came in late. Tom Pellow sat down. The butler bowed to Mr. Tom.\n\n"
        "Amos Pellow rose. Tom Pellow smiled.\n\n"
        '"Good evening, Mr. Tom," said the butler.\n\n'
        '"You are late," said Mr. Pellow.\n\n'
        '"I am," said Tom Pellow.\n'
    )
    people = cast(text)
    assert "Mr. Pellow" not in names_of(people["Tom Pellow"])


def test_a_hyphenated_name_of_three_parts_is_one_word():
    text = (
        'Winnie-the-Pooh sat on a log. Winnie-the-Pooh hummed.\n\n"Hello," said Winnie-the-Pooh.\n'
    )
    assert "Winnie-the-Pooh" in cast(text)


def test_loo_is_louisa_a_miss_so_not_the_mrs():
    text = (
        "Mrs. Pellow lay on the sofa. Mrs. Pellow sighed.\n\n"
        "Loo Pellow sat by the window. Miss Louisa did not move. Loo Pellow read.\n\n"
        '"Loo," said Mrs. Pellow, "ring the bell."\n\n'
        '"Yes, mother," said Miss Louisa.\n'
    )
    people = cast(text)
    assert people["Loo Pellow"].gender == "female"
    assert "Loo Pellow" not in names_of(people["Mrs. Pellow"])


def test_a_rare_one_letter_slip_of_a_frequent_name_is_the_same_person():
    scene = (
        'Mr. Brownlow looked at Oliver.\n\n"Sit down, child," said Mr. Brownlow.\n\n'
        '"Thank you, sir," said Oliver.\n\n'
    )
    scenes = scene * 6
    text = scenes + '"He knows the alternative," said Mr. Browlow.\n'
    people = cast(text)
    assert "Mr. Browlow" not in people
    assert "Mr. Browlow" in people["Mr. Brownlow"].aliases
    assert [b.speaker for b in story(text).beats if b.kind == "dialogue"][-1] == "Mr. Brownlow"


def test_names_a_letter_apart_that_are_both_common_stay_apart():
    text = "".join(
        '"Hello," said Marian.\n\n"Good day," said Marion.\n\nMarian and Marion walked on.\n\n'
        for _ in range(4)
    )
    people = cast(text)
    assert "Marian" in people and "Marion" in people


def test_the_census_scan_passes_over_only_lone_words_opening_sentences():
    from reader.model.characters import CENSUS_SCAN, NAME_SCAN, NOT_NAMES, SENTENCE_OPENERS

    text = (
        'He came. The Doctor said, "He is here." But then\n\nHe left; St. He and the He.\n'
        "Then Elizabeth. Then-Some. The de Villefort.  Oh!   Oh? Yes Sir. Mr. Then He.\n"
        '"Well," Well-known, and Hence. Thence. "Here,"\tHere-after. She-wolf.'
    )
    for start, end in ((0, len(text)), (3, len(text) - 5)):
        scanned = {m.span(): m.group() for m in NAME_SCAN.finditer(text, start, end)}
        kept = {m.span(): m.group() for m in CENSUS_SCAN.finditer(text, start, end)}
        assert kept.items() <= scanned.items()
        for (pos, _), word in scanned.items() - kept.items():
            assert word.lower() in NOT_NAMES
            assert text[pos - 3 : pos].rstrip(" \t\n")[-1:] in SENTENCE_OPENERS
            assert text[pos - 4 : pos - 1] != "St."
        assert {"He", "But", "Oh", "Thence"} <= {w for _, w in scanned.items() - kept.items()}


def test_a_capitalised_role_joined_to_the_name_beside_it():
    text = (
        "They knew who it was: the Collector, Mr. Turton, with whom they had dined. "
        "Mr. Turton smiled.\n\n"
        'The Collector nodded and muttered, "Sit down."\n\n'
        '"Thank you," said Ann, and looked at the Collector.\n\n'
        '"Tea?" asked the Collector.\n\n'
        '"No," said Ann. She watched the Collector.\n\n'
        '"Cake?" said the Collector.\n'
    )
    turton = cast(text)["Mr. Turton"]
    assert "the Collector" in names_of(turton)
    assert turton.lines == 3


def test_a_name_with_a_particle_broken_across_lines_is_one_name():
    text = (
        "Mr. van der Luyden bowed. Mrs. van der Luyden smiled.\n\n"
        '"Is your carriage here?" he asked; and at that moment Mrs. van der\n'
        'Luyden, who was being inserted into her sables, said gently: "We are driving'
        ' Ellen home."\n'
    )
    speakers = [b.speaker for b in story(text).beats if b.kind == "dialogue"]
    assert speakers[-1] == "Mrs. van der Luyden"
