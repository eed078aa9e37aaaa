"""Speaker attribution: one small story per rule of the sieve, and the PDNC floor."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.model.build import build_story
from reader.model.loader import LoadedText
from reader.model.story import Story


def story(text: str) -> Story:
    return build_story(LoadedText(text, 0, len(text), "t"), "t")


def said(text: str) -> list[str | None]:
    """Who speaks each dialogue beat, in order."""
    return [b.speaker for b in story(text).beats if b.kind == "dialogue"]


def test_tag_after_verb_first():
    assert said('Clara sat down.\n\n"Go away," said Clara.\n') == ["Clara"]


def test_tag_after_name_first_any_verb():
    assert said('"Go away," Clara rasped.\n\n"Never," Tom growled.\n') == ["Clara", "Tom"]


def test_titled_name_tag():
    text = '"Nonsense," cried Mrs. Bennet.\n\n"My dear," said Mr. Bennet.\n'
    assert said(text) == ["Mrs. Bennet", "Mr. Bennet"]


def test_tag_before_the_quote():
    assert said('Tom turned to the window and said, "It is raining."\n') == ["Tom"]


def test_tag_in_the_paragraph_before():
    text = 'Tom looked up from his book and replied with great calm,\n\n"It is raining."\n'
    assert said(text) == ["Tom"]


def test_tag_interrupting_a_quote():
    assert said('"Yes," said Tom, "I will."\n') == ["Tom", "Tom"]


def test_pronoun_tag_resolves_to_the_one_who_fits():
    text = (
        "Tom buttoned his jacket and waited by the door while Clara found her coat.\n\n"
        '"Are you ready?" he asked.\n\n'
        '"Almost," she whispered.\n'
    )
    assert said(text) == ["Tom", "Clara"]


def test_description_tag_resolves_by_gender():
    text = (
        "Harlan Price leaned on his stick. Mary brought him his tea, and he "
        "thanked her with a nod.\n\n"
        '"Sit down, girl," said the old man.\n'
    )
    assert said(text) == ["Harlan Price"]


def test_action_beat_before_the_quote():
    text = (
        "Missy rolled her eyes and Tom shrugged his shoulders.\n\n"
        'Missy rolled her eyes. "You know what I mean."\n'
    )
    assert said(text) == ["Missy"]


def test_action_beat_after_the_quote():
    text = 'Tom ran his hand over his face.\n\n"I know." Tom sighed and looked away.\n'
    assert said(text) == ["Tom"]


def test_quotes_in_one_paragraph_share_a_speaker():
    text = 'Tom waved his hat.\n\n"Over here!" Tom waved again. "Quick, before it rains."\n'
    assert said(text) == ["Tom", "Tom"]


def test_two_tags_in_one_paragraph_keep_two_speakers():
    text = '"Ready?" asked Tom. "Ready," said Clara.\n'
    assert said(text) == ["Tom", "Clara"]


def test_untagged_lines_alternate_in_an_exchange():
    text = (
        "Clara and Tom sat down by the fire.\n\n"
        '"Is it late?" asked Clara.\n\n'
        '"Nearly midnight," said Tom.\n\n'
        '"Then we should go."\n\n'
        '"Not yet."\n\n'
        '"Why not?"\n'
    )
    assert said(text) == ["Clara", "Tom", "Clara", "Tom", "Clara"]


def test_vocative_names_the_listener_not_the_speaker():
    text = (
        "The Doctor stood in the doorway and Amy Pond came in behind him.\n\n"
        '"Nobody tells her," said the Doctor.\n\n'
        '"Doctor, don\'t tell her."\n'
    )
    assert said(text) == ["the Doctor", "Amy Pond"]


def test_the_one_addressed_answers_next():
    text = (
        "Clara, Tom and Jane stood in the hall.\n\n"
        '"What do you think, Jane?" asked Clara.\n\n'
        '"I think we should wait."\n'
    )
    assert said(text) == ["Clara", "Jane"]


def test_speech_continued_over_paragraphs_keeps_its_speaker():
    text = (
        "Tom and Clara walked on.\n\n"
        '"It began long ago," said Tom. "We were young.\n\n'
        '"And then the river rose."\n\n'
        '"I remember," said Clara.\n'
    )
    assert said(text) == ["Tom", "Tom", "Tom", "Clara"]


def test_unknown_stays_unknown():
    text = 'The hall was empty and the lamps were low.\n\n"Six past two!" somebody shouted.\n'
    assert said(text) == [None]


def test_lone_untagged_quote_is_not_guessed():
    assert said('"Is anyone there?"\n') == [None]


def test_narration_beats_have_no_speaker():
    built = story('"Hello," said Tom. He smiled.\n')
    assert [b.speaker for b in built.beats if b.kind == "narration"] == [None]


def test_first_person_narrator_speaks_as_i():
    text = (
        '"Where to?" I asked.\n\n'
        '"The station," said Clara.\n\n'
        '"Fine," I said. I paid the driver.\n\n'
        '"Thank you," I said.\n'
    )
    assert said(text) == ["I", "Clara", "I", "I"]


def test_curly_quotes():
    text = "Clara frowned.\n\n\u201cGo away,\u201d said Clara.\n\n\u201cNo,\u201d Tom said.\n"
    assert said(text) == ["Clara", "Tom"]


def test_british_single_quotes():
    text = (
        "Agnes put the kettle on while Sam watched.\n\n"
        "\u2018It\u2019s cold,\u2019 said Agnes.\n\n"
        "\u2018It\u2019s March,\u2019 said Sam.\n\n"
        "\u2018Even so.\u2019\n"
    )
    assert said(text) == ["Agnes", "Sam", "Agnes"]


def test_one_paragraph_per_line_fan_fiction_style():
    text = (
        "Harry pushed his glasses up and Hermione tucked her hair behind her ear.\n"
        '"Is it here?" he whispered.\n'
        '"It has to be," she said.\n'
        '"Then where is it?"\n'
    )
    assert said(text) == ["Harry", "Hermione", "Harry"]


def test_model_does_not_import_textual():
    code = (
        "import sys; import reader.model.speakers, reader.model.characters; "
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


PDNC_FLOOR = 0.818
"""Overall accuracy reached on the PDNC development set, minus half a point."""


def test_pdnc_overall_accuracy_floor():
    from reader.bench.pdnc import default_root, novels
    from reader.bench.speakers import Score, score_novel

    root = default_root()
    if root is None:
        pytest.skip("PDNC corpus not present")
    total = Score()
    for novel in novels(root):
        total.add(score_novel(novel))
    assert total.total > 20000
    assert total.right / total.total >= PDNC_FLOOR


def test_benchmark_names_match_across_articles_dots_and_frame_suffixes():
    from reader.bench.speakers import same_name

    assert same_name("the March Hare") == same_name("March Hare")
    assert same_name("A Student") == same_name("the student")
    assert same_name("Mrs Smith") == same_name("Mrs. Smith")
    assert same_name("Christopher Robin - Story") == same_name("Christopher Robin")
    assert same_name("Winnie-the-Pooh") != same_name("Pooh")
    assert same_name("The") == "the"


def test_possessive_reply_names_the_speaker():
    text = 'Anne and Mary sat by the fire.\n\n"Perhaps," was Mary\'s cautious reply.\n'
    assert said(text) == ["Mary"]


def test_somebody_stays_unknown_inside_an_exchange():
    text = (
        "Clara and Tom stood at the rail.\n\n"
        '"Look," said Clara.\n\n'
        '"Six past two!" somebody shouted.\n\n'
        '"Who was that?" asked Tom.\n'
    )
    assert said(text) == ["Clara", None, "Tom"]


def test_the_one_spoken_to_answers():
    text = (
        "Elizabeth, Jane and Mary sat together.\n\n"
        '"Are you tired?" said Elizabeth to Jane.\n\n'
        '"Not at all."\n'
    )
    assert said(text) == ["Elizabeth", "Jane"]


def test_lone_quote_after_a_paragraph_about_someone():
    text = (
        "Clara and Tom walked home.\n\n"
        "Tom stopped at the gate and looked back at the dark house.\n\n"
        '"Someone is still up."\n'
    )
    assert said(text) == ["Tom"]


def test_pronoun_finds_a_name_met_only_once():
    text = (
        "Harry looked at Ginny across the common room.\n"
        '"You okay?" he asked.\n'
        '"Fine," she said, rolling her eyes.\n'
        '"You don\'t look fine."\n'
        'She sighed. "I\'m just tired, Harry."\n'
    )
    assert said(text) == ["Harry", "Ginny", "Harry", "Ginny"]


def test_first_person_present_tense():
    text = (
        "I push the door open. Mara is already inside, her coat still on.\n"
        '"You\'re late," she says.\n'
        '"Traffic," I say.\n'
        '"Liar."\n'
        'I shrug. "Maybe."\n'
    )
    assert said(text) == ["Mara", "I", "Mara", "I"]


def test_a_name_spoken_of_is_not_addressed():
    text = (
        "Sam found Agnes by the tea urn.\n\n"
        '"Did you tell him to say that, Miss?"\n\n'
        "\"He worked it out himself. He's not stupid, Mr. Henderson. He's only rude,\" said"
        " Agnes.\n\n"
        '"Yes," he said.\n'
    )
    assert said(text)[-1] == "Sam"


def test_title_dot_ends_no_sentence():
    text = (
        'Mr. Turton read the paper.\n\nThe door opened. Mrs. Turton called out, "She is better."\n'
    )
    assert said(text) == ["Mrs. Turton"]


def test_lead_in_subject_before_an_aside():
    text = (
        '"Well," said Edmund. "Here we are," said Fanny.\n\n'
        "Fanny was silent; but Edmund, after waiting a moment, obliged her by saying,\n\n"
        '"What is it?"\n'
    )
    assert said(text)[-1] == "Edmund"


def test_added_goes_on_with_the_same_speaker():
    text = (
        "Marianne and Elinor sat together.\n\n"
        '"I shall live for my family now," said Marianne.\n\n'
        '"Yes," said Elinor.\n\n'
        '"And for my friends," said Marianne.\n\n'
        'She paused and added in a low voice, "If I could but know his heart."\n'
    )
    assert said(text)[-1] == "Marianne"


def test_the_title_is_its_one_holder():
    text = (
        "Count Orlov came in. Count Orlov sat down. Count Orlov smiled at Daisy.\n\n"
        '"Hello," said Daisy.\n\n'
        "The count was beaming. Daisy laughed.\n\n"
        '"You are very nice people," he said.\n'
    )
    assert said(text)[-1] == "Count Orlov"


def test_her_husband_is_the_mr_of_her_surname():
    text = (
        "Mr. Allen read the paper. Mr. Allen sat down. John Thorpe came in.\n\n"
        '"What a fine day," said Mrs. Allen.\n\n'
        '"It is," said Thorpe.\n\n'
        '"Indeed," said her husband.\n'
    )
    assert said(text)[-1] == "Mr. Allen"


def test_lone_quote_after_a_paragraph_about_someone_who_then_acts():
    text = (
        '"Tell me," I said.\n\n'
        "Poirot studied me for a moment. Then, to my surprise, he shook his head.\n\n"
        '"No, my friend."\n'
    )
    assert said(text)[-1] == "Poirot"


def test_went_on_and_spoke_introduce_a_quote():
    text = (
        '"Indeed," said Mr. Wells. "Quite so," said John.\n\n'
        "A slight pause ensued before Mr. Wells went on in his soothing manner:\n\n"
        '"Any other evidence will be a matter of form."\n'
    )
    assert said(text)[-1] == "Mr. Wells"


def test_a_participle_opening_a_sentence_is_no_newcomer():
    text = 'Hesitating, she looked at the door.\n\n"Who is there?" she asked.\n'
    assert said(text) == [None]


def test_a_speakers_voice_introduces_the_quote():
    text = (
        '"I tell you, Mary, I won\'t have it," said John.\n\n'
        "Mary's voice came, cool and liquid:\n\n"
        '"Have you any right to criticize my actions?"\n'
    )
    assert said(text)[-1] == "Mary"


def test_subject_after_an_opening_phrase():
    text = (
        '"Well done," said Agnes.\n\n'
        "There was polite applause. Mr. Henderson stepped up to take his card. Then, "
        "instead of stepping back down, he cleared his throat.\n\n"
        '"I\'d like to say something."\n'
    )
    assert said(text)[-1] == "Mr. Henderson"


def test_a_tagged_role_is_the_one_holder_of_its_title():
    text = (
        "Major Barton came in. Major Barton sat down. Major Barton smiled at Ruth.\n\n"
        '"Hello," said the major.\n\n'
        '"Hello," said Ruth.\n\n'
        '"Tea?" asked the major.\n'
    )
    assert said(text)[-1] == "Major Barton"


def test_a_role_is_the_named_person_present_whenever_it_speaks():
    text = "Victor Lane stood at his easel and mixed his paints.\n\n"
    for line in ("Sit still", "Not quite", "Better", "Rest", "Again", "Done"):
        text += f'"{line}," said the painter.\n\n"Yes," said Ruth.\n\n'
        text += "Victor rubbed his eyes. The painter shook his head.\n\n"
    assert said(text)[-2].startswith("Victor")


def test_a_place_named_before_a_pronoun_is_no_newcomer():
    text = 'Ann lived in Dunmore. She liked it. Dunmore was cold.\n\n"Hello," he said.\n'
    assert said(text) == [None]


def test_he_with_no_one_else_to_be_is_the_man_who_just_spoke():
    text = (
        "Ann sat by the fire. She was tired.\n\n"
        '"Cold?" said Tom.\n\n'
        'He looked out at the snow. "It will freeze tonight."\n'
    )
    assert said(text)[-1] == "Tom"


def test_the_title_is_its_holder_named_far_more_often_than_another():
    text = (
        "Admiral Pike came in. Admiral Pike sat down. Admiral Pike smiled at Ruth. "
        * 3
        + "Admiral Vale was at sea, and Admiral Vale wrote. Admiral Vale slept.\n\n"
        '"Hello," said the admiral.\n\n'
        '"Hello," said Ruth.\n\n'
        '"Tea?" asked the admiral.\n'
    )
    assert said(text)[-1] == "Admiral Pike"


def test_and_name_said_after_a_quote_leads_the_next_quote():
    text = (
        "Piglet and Pooh walked home.\n\n"
        'Piglet said, "If you see what I mean, Pooh," and Pooh said, "It is just what I '
        'think myself, Piglet," and Piglet said, "But we must remember."\n'
    )
    assert said(text) == ["Piglet", "Pooh", "Piglet"]


def test_a_tag_after_a_finished_question_leads_the_answer_when_the_asker_is_named():
    text = (
        "Ann and Tom sat by the fire.\n\n"
        'When Ann asked Tom, "Where did they come from?" Tom said, "From the hills."\n'
    )
    assert said(text) == ["Ann", "Tom"]


def test_he_after_a_paragraph_about_the_last_speaker_is_that_man_going_on():
    about = (
        "He did not read further. It was the end of a long and foolish experiment, and "
        "though at the back of his mind he felt that he had been unfair, it was all confused "
        "now with his anger at the house and at everyone who had lived in it."
    )
    text = (
        "Tom and Ned stood in the yard.\n\n"
        '"Go in," said Ned.\n\n'
        f'Tom looked at the letter. {about} "I am done with it," said Tom.\n\n'
        '"Done for good," he said, standing motionless in the rain.\n'
    )
    assert said(text)[-1] == "Tom"


def test_he_after_a_bare_line_is_still_the_other_man():
    text = (
        "Tom and Ned stood in the yard.\n\n"
        '"Go in," said Ned.\n\n'
        '"I am done with it," said Tom.\n\n'
        '"Done for good?" he asked.\n'
    )
    assert said(text)[-1] == "Ned"


def test_the_voice_of_a_name_is_that_person_speaking():
    text = 'Ann sat in the dark.\n\n"Who is there?" said the voice of Mr. Haq.\n'
    assert said(text) == ["Mr. Haq"]


def test_a_lead_in_may_end_on_words_after_its_verb_without_a_comma():
    text = (
        "Kanga and Rabbit stood by the pool.\n\n"
        'Piglet looked at Kanga, and Rabbit said in a loud voice "In you go, Roo!" and off '
        "he ran.\n"
    )
    assert said(text) == ["Rabbit"]


def test_a_name_after_a_verb_in_a_lead_in_is_its_object_not_the_speaker():
    text = (
        "Tom and Ann watched.\n\n"
        "The Rabbit noticed Alice, as she went hunting about, and called out to her in an "
        'angry tone, "Why, Mary Ann, what are you doing out here?"\n'
    )
    assert said(text) == ["Rabbit"]


def test_a_paragraph_about_someones_face_hands_the_next_line_to_them():
    text = (
        "Wren and Ned stood in the hall.\n\n"
        '"Cold," said Wren.\n\n'
        '"Is this the key?" said Ned.\n\n'
        "He held it up to the lamp, turning it slowly.\n\n"
        "Wren's eyes went wide.\n\n"
        '"That is it. Where did you find it?"\n'
    )
    assert said(text)[-1] == "Wren"


def test_a_line_uttered_by_someone_is_theirs():
    text = (
        "Anne and Mary sat by the fire. Captain Harte came in.\n\n"
        '"Is she safe?" asked Mary.\n\n'
        '"She is," said Anne.\n\n'
        '"Thank God!" was uttered by Captain Harte, and Mary never forgot it.\n'
    )
    assert said(text)[-1] == "Captain Harte"


def test_a_possessive_tag_with_any_speech_noun():
    text = 'Anne and Mary sat by the fire.\n\n"Yes, dear," was Mary\'s concluding assurance.\n'
    assert said(text) == ["Mary"]


def test_a_description_of_several_words_before_its_verb_is_read_whole():
    from reader.model.attribution_tags import tag_after

    text = '"Hold, please!" the stage manager called from the prompt desk.'
    found = tag_after(text, text.index(" the"), len(text), False)
    assert found is not None and found.explicit
    assert found.subject == "the stage manager"


def test_somebody_shouting_is_never_refilled_from_the_exchange():
    text = (
        "Clara and Tom stood at the rail.\n\n"
        '"Look," said Clara.\n\n'
        '"Where?" said Tom.\n\n'
        '"There!" somebody shouted.\n\n'
        '"I see it," said Tom.\n\n'
        '"So do I," said Clara.\n'
    )
    assert said(text)[2] is None


def test_a_role_of_several_words_no_one_holds_speaks_as_itself():
    text = (
        "Nell and Vivian waited in the wings. Vivian pressed a hand to her throat.\n\n"
        '"Hold, please!" the stage manager called from the prompt desk.\n\n'
        '"It is nothing," said Vivian.\n'
    )
    assert said(text) == ["the stage manager", "Vivian"]


def test_an_epithet_for_someone_known_is_not_a_new_role():
    text = (
        "Mr. Bumble came in. Mr. Bumble sat down by Oliver.\n\n"
        '"Well?" said the inflexible beadle.\n'
    )
    assert said(text) != ["the inflexible beadle"]


def test_a_paragraph_about_someone_named_before_an_aside_hands_them_the_next_line():
    text = (
        "Lucy and Charlotte sat in the bank.\n\n"
        '"Bother the drive!" said Lucy.\n\n'
        "Charlotte, who had meant to talk of something else, was launched into new thoughts.\n\n"
        '"If that is so, dear, I foresee trouble."\n\n'
        '"How?"\n\n'
        '"Because there will be another carriage."\n'
    )
    assert said(text)[1:] == ["Charlotte", "Lucy", "Charlotte"]


def test_the_one_a_speaker_meets_in_the_narration_answers_them():
    text = (
        "John and Catherine drove to the castle.\n\n"
        '"Very fine," said Catherine.\n\n'
        '"A fine day," said John.\n\n'
        "The drive ended at noon.\n\n"
        "Catherine found Mrs. Allen just returned from the pump-room, and was greeted with, "
        '"Well, my dear, here you are."\n\n'
        '"Yes, ma\'am, I thank you."\n'
    )
    assert said(text)[-1] == "Catherine"


def test_after_the_narrator_acts_the_one_they_are_with_speaks():
    text = (
        "I was at the table when Brett came in and sat down. I poured her a drink.\n\n"
        '"Hello, darling," Brett said.\n\n'
        '"Hello," I said. "You look tired."\n\n'
        '"I am tired," Brett said.\n\n'
        '"Then rest," I said.\n\n'
        "I looked at her across the table and said nothing.\n\n"
        '"Don\'t look like that."\n\n'
        '"How do you want me to look?"\n'
    )
    assert said(text)[-2:] == ["Brett", "I"]


def test_talk_goes_on_over_a_short_paragraph_about_no_one():
    text = (
        "Archer and Ellen stood by the door.\n\n"
        '"When can I see you?" Archer asked.\n\n'
        '"Whenever you like; but soon," said Ellen.\n\n'
        "A pang shot through him at the memory of those hours.\n\n"
        '"Tomorrow evening?"\n\n'
        '"Tomorrow; yes; but early."\n'
    )
    assert said(text)[-2:] == ["Archer", "Ellen"]


def test_turn_taking_does_not_carry_across_someone_speaking_twice_running():
    text = (
        "Ann and Ben sat on the step.\n\n"
        '"Cold," said Ann.\n\n'
        '"Colder inside," said Ben.\n\n'
        '"And the stove is out," said Ben.\n\n'
        '"Then light it?"\n\n'
        '"With what?"\n\n'
        '"The letters."\n\n'
        '"Never."\n\n'
        '"Then we freeze."\n\n'
        '"So be it."\n\n'
        '"You are a stubborn man," said Ann.\n'
    )
    assert said(text)[3:9] == ["Ann", "Ben", "Ann", "Ben", "Ann", "Ben"]


def test_a_name_set_before_an_apposition_is_not_addressed():
    text = (
        "Margaret and Henry walked on. Hamar Bryce watched them from the window; Hamar "
        "Bryce saw everything.\n\n"
        '"Is the house let?" asked Margaret.\n\n'
        '"We have a tenant--Hamar Bryce, an invalid," said Henry.\n\n'
        '"How kind of you."\n'
    )
    assert said(text)[-1] == "Margaret"


def test_a_description_after_a_long_paragraph_about_the_last_speaker_is_the_other():
    about = (
        "Happy Charlotte, who, though greatly troubled over things that did not matter, "
        "seemed oblivious to things that did; who could conjecture with admirable delicacy "
        "where a matter stood, and then talk on for an hour about the weather."
    )
    text = (
        "Lucy and Charlotte sat in the reading-room.\n\n"
        '"It is a sad business," said Lucy.\n\n'
        f'{about} "Whether it is his fault or hers, the drive is spoilt."\n\n'
        '"It is indeed," replied the girl, gravely.\n'
    )
    assert said(text)[-1] == "Lucy"


def test_the_one_the_narration_brought_in_answers_a_little_later():
    text = (
        "John and Catherine drove to the castle.\n\n"
        '"Very fine," said Catherine.\n\n'
        '"A fine day," said John.\n\n'
        "The drive ended at noon.\n\n"
        "Catherine walked into the drawing-room and sat down by the fire.\n\n"
        '"Well, my dear, here you are," said Mrs. Allen.\n\n'
        '"Yes, ma\'am, I thank you."\n'
    )
    assert said(text)[-1] == "Catherine"


def test_a_participle_tag_belongs_to_the_clause_subject_not_the_object_before_it():
    from reader.model.attribution_tags import tag_before

    text = "Aziz took his leave saying "
    found = tag_before(text, 0, len(text))
    assert found is not None and found.subject == "Aziz"


def test_a_possessive_tag_survives_a_lost_apostrophe():
    text = 'Anne and Mary sat by the fire.\n\n"Perhaps," was Mary s cautious reply.\n'
    assert said(text) == ["Mary"]


def test_a_line_whispered_by_someone_without_was_is_theirs():
    text = (
        "Margaret and Aunt Juley sat. Helen left.\n\n"
        '"Where is she?" asked Margaret.\n\n'
        '"Margaret--" loudly whispered by Aunt Juley.\n'
    )
    assert said(text)[-1] == "Aunt Juley"


def test_more_tag_shapes_name_their_speaker():
    base = "Elizabeth and Mary sat by the fire. Mr. Bingley stood at the window.\n\n"
    assert said(base + '"Come back!" suddenly cried Mary aloud.\n')[-1] == "Mary"
    text = base + "It was Mary's reasoning; and Elizabeth's reply was,\n\n\"Then stay.\"\n"
    assert said(text)[-1] == "Elizabeth"
    text = base + 'He was thinking of her, when thus accosted by Mary,\n\n"I can guess."\n'
    assert said(text)[-1] == "Mary"
    text = base + 'Elizabeth submitted, after a little hesitation, "I should not mind."\n'
    assert said(text)[-1] == "Elizabeth"


def test_a_line_tagged_she_never_goes_to_a_man_by_turn_taking():
    text = (
        "Tom and Ned stood in the yard.\n\n"
        '"Go in," said Ned.\n\n'
        '"I will not," said Tom.\n\n'
        '"Then stay out," said Ned.\n\n'
        '"Who is there?" she called from the window.\n'
    )
    assert said(text)[-1] is None


def test_a_short_paragraph_naming_one_person_brings_them_in_to_speak():
    text = (
        "I had waited by the door. I was tired, and I said to myself that nothing would "
        "come of it.\n\n"
        '"Stay there," Japp had said. I stayed.\n\n'
        "It must have been twenty minutes before Poirot rejoined me.\n\n"
        '"You have not stirred?"\n\n'
        '"No, I have stuck here like a rock," I said.\n'
    )
    assert said(text)[1] == "Poirot"


def test_turn_taking_runs_on_across_a_short_paragraph_of_action():
    text = (
        "The captain came back at ten. Wren received him in the front room.\n\n"
        '"Well, Miss Alder?" asked the captain.\n\n'
        '"I am going out there first," Wren said.\n\n'
        "Peg dropped her needle. Matthias turned his head.\n\n"
        '"Out there," the captain repeated.\n\n'
        '"With you, if you will take me."\n'
    )
    assert said(text)[-1] == "Wren"


def test_the_other_party_to_untagged_talk_is_someone_the_scene_shows_acting():
    text = (
        "Fenwick built the lanterns. Fenwick hung them. Fenwick said nothing about it.\n\n"
        "# On the Water\n\n"
        "The stalls were gone. Dessa walked the length of the quay and counted the boats.\n\n"
        "The barges lay across the dark water, hung with Fenwick's lanterns.\n\n"
        '"It\'s crooked," said Kit.\n\n'
        "\"It's a boat. Everything's crooked.\"\n"
    )
    assert said(text)[-1] == "Dessa"


def test_a_pronoun_never_falls_back_on_someone_far_off_whose_gender_is_unknown():
    text = (
        "Zorblax stood at the gate. Tom and Ned came up the lane.\n\n"
        '"Open it," said Tom.\n\n'
        '"I will not," said Ned.\n\n'
        "The gate creaked in the wind and the rain came on.\n\n"
        '"Then I shall," she said.\n'
    )
    assert said(text)[-1] != "Zorblax"


def test_a_name_opening_with_st_is_read_whole_in_a_tag():
    text = (
        "St. John Rivers came into the parlour. St. John sat down. Jane looked at him.\n\n"
        '"Jane," said St. John, "you must come to India."\n\n'
        '"I will not," said Jane.\n'
    )
    assert said(text)[:2] == ["St. John", "St. John"]


def test_a_surname_heard_only_in_speech_joins_the_one_who_answers_to_it():
    text = (
        "Harry pushed open the door. Draco was at the window.\n"
        '"You\'re late," he said.\n'
        '"I know." Harry dropped his bag. "Traffic."\n'
        '"Everyone hates me, Potter," Draco said.\n'
        '"I don\'t."\n'
        '"Liar, Potter."\n'
        '"I\'m not lying."\n'
    )
    s = story(text)
    assert [b.speaker for b in s.beats if b.kind == "dialogue"][-3:] == ["Harry", "Draco", "Harry"]
    harry = next(c for c in s.characters if c.name == "Harry")
    assert "Potter" in harry.aliases


def test_a_name_and_its_who_clause_lead_into_the_speech():
    base = (
        "The King and the White Rabbit stood by the jury-box. Alice watched.\n\n"
        '"Call the next witness," said the White Rabbit.\n\n'
        '"Shan\'t," said the cook.\n\n'
    )
    text = base + (
        "The King looked anxiously at the White Rabbit, who said in a low voice, "
        '"Your Majesty must cross-examine this witness."\n'
    )
    assert said(text)[-1] == "the White Rabbit"


def test_a_lead_in_whose_only_subject_is_in_a_when_clause_is_theirs():
    base = "Maria and Mr. Rushworth sat apart. Mr. Yates read aloud.\n\n"
    text = base + (
        "The day came at last, when Mr. Rushworth turned to her with a black look, and said, "
        '"Do you think there is anything so very fine in all this?"\n'
    )
    assert said(text)[-1] == "Mr. Rushworth"


def test_an_inverted_subject_after_did_leads_into_the_speech():
    from reader.model.attribution_tags import tag_before

    text = "Gravely displeased, he turned to go. Not till then did Miss Bartlett reply: "
    found = tag_before(text, 0, len(text))
    assert found is not None and found.explicit and found.subject == "Miss Bartlett"


def test_dash_led_lines_alternate_instead_of_running_on():
    text = (
        "Marta stood at the door of the bakery. Tomas was inside, floured to the elbows.\n\n"
        "— You're early, he said.\n\n"
        "— The ferry was early.\n\n"
        "— Ferries are never early.\n\n"
        "Marta shrugged and came in out of the cold.\n\n"
        "— This one was, she said. Do you have any of the rye?\n\n"
        "— For you, always.\n"
    )
    assert said(text) == ["Tomas", "Marta", "Tomas", "Marta", "Marta", "Tomas"]


def test_german_quotes_close_with_a_low_opening_mark_s_partner():
    text = (
        "Anna stood at the window. Karl came in.\n\n"
        "„You are late,“ she said.\n\n"
        "„The train.“\n\n"
        "„Always the train.“\n\n"
        "Karl laughed. „Always, Anna.“\n"
    )
    assert said(text) == ["Anna", "Karl", "Anna", "Karl"]


def test_a_story_told_in_the_present_by_i_has_its_narrator_and_its_people():
    text = (
        "I find Jess on the roof, where Jess always is when things go wrong. Jess doesn't "
        "look up.\n"
        '"You missed dinner," I say.\n'
        '"Wasn\'t hungry."\n'
        '"Mum made lasagne."\n'
        'Jess snorts. "Mum always makes lasagne when she\'s sorry."\n'
        '"Is she sorry?"\n'
    )
    assert said(text) == ["I", "Jess", "I", "Jess", "I"]


def test_a_lead_in_reads_the_clause_after_its_last_semicolon():
    base = "Lydia and Mr. Collins sat by the fire.\n\n"
    text = base + (
        "Lydia was bid to hold her tongue; but Mr. Collins, much offended, laid aside his "
        'book, and said, "I have often observed how little young ladies care for books."\n'
    )
    assert said(text)[-1] == "Mr. Collins"


def test_a_name_in_a_subordinate_clause_speaks_when_it_governs_the_verb():
    base = "Sissy and Louisa sat together. Louisa was kind.\n\n"
    text = base + (
        "Sissy hesitated before replying, and so plainly showed her sense that they were on "
        'forbidden ground, that Louisa added, "No one hears us."\n'
    )
    assert said(text)[-1] == "Louisa"
    text = base + (
        "She was silent, while Louisa, staggering against the wall for support, exclaimed "
        'in agony: "Oh God! her father!"\n'
    )
    assert said(text)[-1] == "Louisa"


def test_a_name_after_a_participle_is_its_object_not_the_speaker():
    base = "Miss Crawford watched Dr. Grant. Dr. Grant and Edmund argued.\n\n"
    text = base + (
        "Miss Crawford, who had been eyeing Dr. Grant and Edmund, now observed, "
        '"Those gentlemen must have something to discuss."\n'
    )
    assert said(text)[-1] == "Miss Crawford"


def test_a_possessive_that_lost_its_apostrophe_is_not_the_speaker():
    base = "Marianne read. Willoughby had gone away.\n\n"
    text = base + (
        "Marianne, leaning against a post, took up Willoughby s letter, and, after "
        'shuddering over every sentence, exclaimed, "It is too much!"\n'
    )
    assert said(text)[-1] == "Marianne"


def test_an_indefinite_role_brings_in_a_stranger_who_speaks():
    text = (
        "Oliver ran down the lane. The man struck Oliver on the head.\n\n"
        '"That\'s right!" cried a looker-on, from a garret-window.\n\n'
        '"To be sure!" cried a sleepy-faced carpenter, looking up.\n'
    )
    assert said(text) == ["the looker-on", "the sleepy-faced carpenter"]


def test_a_pronoun_goes_to_the_main_subject_not_one_in_a_subordinate_clause():
    text = (
        "Sikes and Noah and Fagin sat in the den. Noah slept. Noah snored.\n\n"
        '"Suppose that lad," Fagin began.\n\n"Not now," said Noah.\n\n'
        "Sikes turned round to where Noah was sleeping, as if he had not seen him. "
        '"Well!" he said, resuming his place.\n'
    )
    assert said(text)[-1] == "Sikes"


def test_an_initial_before_a_surname_is_no_vocative():
    text = (
        "Randolph Miller stood by Winterbourne. Miller was a boy. Miller laughed.\n\n"
        '"Ask him his name," said Daisy, pointing at Winterbourne.\n\n'
        "But Randolph seemed indifferent; he went on about his family. "
        '"My father\'s name is Ezra B. Miller," he announced.\n'
    )
    assert said(text)[-1] == "Randolph Miller"


def test_a_pronoun_is_not_the_one_it_acts_on_in_the_same_paragraph():
    text = (
        "Edward and Charles stood at the ball. Jane danced with Charles.\n\n"
        '"A fine evening," said Edward.\n\n"It is," said Jane.\n\n'
        "He looked towards Charles and Jane, who were dancing together. Recovering "
        'himself, he turned to his partner, and said, "I forget what we spoke of."\n'
    )
    assert said(text)[-1] == "Edward"


def test_a_turn_told_in_reported_speech_passes_the_next_line_to_the_other():
    base = (
        "Leonard and Jacky sat in the flat. Jacky was bored.\n\n"
        '"That tune gives me the hump," said Leonard.\n\n'
    )
    reported = "Jacky followed this, and said that, for her part, she thought it a lovely tune.\n\n"
    text = base + reported + '"No; I\'ll play you something lovely. Get up, dear."\n'
    assert said(text)[-1] == "Leonard"
    text = base + "Jacky assented.\n\n" + '"Then I\'ll play it again."\n'
    assert said(text)[-1] == "Leonard"
    text = base + "Jacky rose and crossed to the window.\n\n" + '"Play it again, then."\n'
    assert said(text)[-1] == "Jacky"  # an action, not a turn: she speaks next


def test_a_name_answered_with_sir_or_given_as_an_example_is_not_addressed():
    base = (
        "Basil Hallward left for Paris. Basil was gone.\n\n"
        "Dorian came home late. Francis, his valet, took his coat.\n\n"
        '"Did any one call this evening?" asked Dorian.\n\n'
    )
    text = base + '"Mr. Hallward, sir. He stayed till eleven."\n\n"Oh! I am sorry."\n'
    assert said(text)[-1] == "Dorian"
    text = base + '"Nobody you would care for--for example, Mr. Hallward."\n\n"Good."\n'
    assert said(text)[-1] == "Dorian"


def test_a_possessive_gerund_of_speech_names_the_speaker():
    base = "Anne and Sir Thomas sat in the library. Anne read.\n\n"
    text = base + (
        "Anne was about to answer, when she was stopped by Sir Thomas's saying with "
        'authority, "I do not advise your going to Brighton."\n'
    )
    assert said(text)[-1] == "Sir Thomas"


def test_a_subject_and_a_word_or_two_before_its_speech_verb():
    base = "Fanny and Sir Thomas sat by the fire. Mrs. Norris knitted.\n\n"
    text = base + (
        "Fanny sat still while Sir Thomas soon afterwards, just opening the door, said, "
        '"Fanny, when shall the carriage come?"\n'
    )
    assert said(text)[-1] == "Sir Thomas"


def test_untagged_lines_take_turns_with_a_sure_line_an_odd_number_of_turns_away():
    text = (
        "Bill and I sat by the river. I opened the wine.\n\n"
        '"That is not such filthy wine," Bill said.\n\n"The cold helps it," I said.\n\n'
        "We unwrapped the little parcels of lunch.\n\n"
        '"Chicken."\n\n"There are hard-boiled eggs."\n\n"Find any salt?"\n\n'
        '"First the egg," said Bill. "Then the chicken."\n'
    )
    assert said(text)[2:6] == ["I", "Bill", "I", "Bill"]


def test_the_title_is_the_holder_named_last():
    text = (
        "CHAPTER I.\n\nAt dinner Mr. Tolley sat by the Duchess of Wexmoor and Lady Penge.\n\n"
        '"The soup is cold," said Lady Penge.\n\n'
        '"It is always cold here," said Mr. Tolley.\n\n'
        'The duchess frowned at him. "Then you need not come," she said.\n\n'
        "CHAPTER II.\n\nA month later Mr. Tolley called on the Duchess of Arlingford, "
        "who received him in the garden with Lady Penge.\n\n"
        '"You are late, Mr. Tolley," said the duchess.\n\n'
        '"I walked, Duchess," said Mr. Tolley.\n\n'
        '"How odd of you," she answered.\n'
    )
    assert said(text) == [
        "Lady Penge",
        "Mr. Tolley",
        "Duchess of Wexmoor",
        "Duchess of Arlingford",
        "Mr. Tolley",
        "Duchess of Arlingford",
    ]


def test_a_first_name_the_duchess_answers_to_is_hers():
    text = (
        "Mr. Tolley walked on the terrace with the Duchess of Wexmoor and Lady Penge.\n\n"
        '"You look tired, Clemency," said Mr. Tolley.\n\n'
        '"I am never tired," answered the duchess.\n\n'
        '"Then you are bored, Clemency."\n\n'
        '"Only with you," said the duchess.\n\n'
        '"Hush," said Lady Penge.\n'
    )
    people = {c.name: c for c in story(text).characters}
    assert "Clemency" in people["Duchess of Wexmoor"].aliases
    assert said(text)[1] == "Duchess of Wexmoor"


def test_a_nobles_style_after_a_name_is_no_one_addressed():
    text = (
        "Lady Penge and Mr. Tolley drove past the palace.\n\n"
        '"Do you know the portrait of Lorenzo, Duke of Urbino?" asked Lady Penge.\n\n'
        '"I know it well. It hangs in the long gallery."\n'
    )
    assert said(text) == ["Lady Penge", "Mr. Tolley"]


def test_a_bare_name_answering_a_question_is_not_addressed():
    text = (
        "Dorian and Lord Henry stood by the door. Lady Narborough sat apart.\n\n"
        '"Who is she?" asked Lord Henry.\n\n"Lady Narborough," Dorian whispered.\n\n'
        '"I must meet her."\n'
    )
    assert said(text)[-1] == "Lord Henry"
    text = (
        "Dorian and Lord Henry stood by the door. Lady Narborough sat apart.\n\n"
        '"Are you coming?" asked Lord Henry.\n\n"Lady Narborough," Dorian called, "wait."\n\n'
        '"Yes, I am coming."\n'
    )
    assert said(text)[-1] == "Lady Narborough"  # no one asked who: the name calls her


def test_more_possessive_tags_name_the_speaker():
    base = "Lady Bertram and Mrs. Norris sat together. Fanny sewed.\n\n"
    text = base + '"That may be, sister," was all Lady Bertram\'s reply.\n'
    assert said(text)[-1] == "Lady Bertram"
    text = base + '"It is owing to orders," was Mrs. Norris\'s explanation.\n'
    assert said(text)[-1] == "Mrs. Norris"
    text = base + '"There were objections," were Lady Bertram\'s words.\n'
    assert said(text)[-1] == "Lady Bertram"


def test_an_inverted_lead_in_names_the_speaker():
    text = (
        "Charles and Mary sat apart. Anne listened to them both.\n\n"
        '"Persuade Mary to be well," was Charles\'s language; and, in an unhappy mood, '
        'thus spoke Mary: "I do believe he would not see it."\n'
    )
    assert said(text)[-1] == "Mary"


def test_a_closing_sentence_that_someone_began_hands_them_the_next_line():
    base = (
        "Fanny sat on the sofa. Julia and Mrs. Norris were at the table.\n\n"
        '"You will spoil her," said Julia.\n\n"I shall not," said Fanny.\n\n'
        '"You will," said Julia.\n\n'
    )
    text = base + (
        'Mrs. Norris began scolding.\n\n"That is a foolish trick, Fanny."\n\n'
        '"I am sorry."\n\n"So you should be," said Julia.\n'
    )
    assert said(text)[3] == "Mrs. Norris"
    text = base + '"The canons--" Mrs. Norris began with a smile.\n\n"Oh, I forgot them."\n'
    assert said(text)[-1] != "Mrs. Norris"  # a tag of the quote before, not an opening


def test_a_tag_owned_by_a_pronoun_names_the_speaker():
    base = "Mr. Sleary sat by the door, smoking. Louisa came up the lane.\n\n"
    text = base + '"Your servant, Squire," was his cautious salutation.\n'
    assert said(text)[-1] == "Mr. Sleary"
    text = base + '"Thank you," was all that he permitted himself.\n'
    assert said(text)[-1] == "Mr. Sleary"


def test_a_lead_in_ending_on_with_or_before_replying_hands_over_the_quote():
    base = "Miss Bennet and Mr. Darcy danced. Miss Bennet was silent, and so was Mr. Darcy.\n\n"
    text = base + (
        "After a pause of some minutes she addressed him a second time with\n\n"
        '"It is your turn to say something now."\n'
    )
    assert said(text)[-1] == "Miss Bennet"
    text = base + 'It was at him that she gazed before replying.\n\n"I am not touchy."\n'
    assert said(text)[-1] == "Miss Bennet"


def test_a_lead_in_closing_on_a_semicolon_after_its_speech_verb():
    base = "Mrs. Jennings and Elinor sat by the fire. Mrs. Jennings was thinking.\n\n"
    text = base + (
        "A moment's reflection produced a very happy idea, and she exclaimed;\n\n"
        '"Oh, ho! I understand you."\n'
    )
    assert said(text)[-1] == "Mrs. Jennings"


def test_a_name_tag_outranks_a_speech_that_seemed_to_run_on():
    text = (
        "Tom and Mary sat at the table. Tom was singing.\n\n"
        '"I had to sing it," said Tom, "\'Twinkle, twinkle, little bat!\' You know the '
        "song, perhaps?\n\n"
        '"I\'ve heard something like it," said Mary.\n'
    )
    assert said(text)[-1] == "Mary"


def test_a_lead_in_tag_counts_only_at_its_last_speech_verb():
    base = "Margaret and Leonard sat through the concert. Margaret listened; Leonard dozed.\n\n"
    text = base + (
        "As soon as Brahms had grunted himself out, she gave him her card and said, "
        '"That is where we live."\n'
    )
    assert said(text)[-1] == "Margaret"


def test_an_opening_word_before_a_pronoun_is_no_name():
    base = "Mr. McBryde and Fielding sat in the office. Mr. McBryde smoked.\n\n"
    text = base + (
        'His face became inquisitive. "Wife indeed!" he was thinking. Aloud he said: '
        '"Well, you must trot off now, old man."\n'
    )
    assert said(text)[-1] == "Mr. McBryde"


def test_someone_who_makes_no_answer_is_not_the_next_speaker():
    base = (
        "Margaret called on Mrs. Wilcox. Mrs. Wilcox sat by the window.\n\n"
        '"I have been too absurd all through," said Margaret.\n\n'
    )
    text = base + 'Mrs. Wilcox did not answer.\n\n"I hope that you will forgive me."\n'
    assert said(text)[-1] == "Margaret"
    text = base + 'Mrs. Wilcox made no answer.\n\n"I am so ashamed."\n'
    assert said(text)[-1] == "Margaret"


def test_a_tag_before_the_quote_closing_on_a_semicolon():
    text = (
        "Mr. Beebe and George walked on. Freddy ran ahead of them.\n\n"
        '"Here we are," said George.\n\n'
        'Wishing to round off the episode, Mr. Beebe added; "We are all so glad that you '
        'have come."\n'
    )
    assert said(text)[-1] == "Mr. Beebe"


def test_the_one_heard_speaking_is_the_speaker_not_the_one_hearing():
    base = "Archer and Reggie Chivers stood by the door. May smiled at Archer.\n\n"
    text = base + '"She is much the handsomer," Archer heard Reggie Chivers say in an undertone.\n'
    assert said(text)[-1] == "Reggie Chivers"
    text = base + 'Across the room Archer heard Reggie Chivers say: "She is much the handsomer."\n'
    assert said(text)[-1] == "Reggie Chivers"


def test_narration_that_puts_the_narrator_with_someone_makes_the_narrator_answer():
    text = (
        "I came into the bar late and sat at the end.\n\n"
        '"Whisky," I said to the barman.\n\n'
        '"You are a fool," Tom said to Clara.\n\n'
        '"Perhaps," said Clara.\n\n'
        '"I mean it," Tom said.\n\n'
        '"Go home, Tom," said Clara.\n\n'
        '"Not yet," said Tom.\n\n'
        '"Then stay," said Clara.\n\n'
        "Clara took her coat and followed me out. We crossed the square in the rain and "
        "sat down on a bench under the plane trees, and for a long while nobody spoke.\n\n"
        '"He is always like that," Clara said.\n\n'
        '"I know."\n'
    )
    assert said(text)[-1] == "I"


def test_the_one_the_narrator_goes_to_speaks_not_the_one_left_behind():
    text = (
        '"Breakfast!" Clara called through my door.\n\n'
        "I came down late all the same.\n\n"
        '"You slept," I said to Tom.\n\n'
        '"Like a log," said Tom.\n\n'
        '"Good," I said.\n\n'
        "I went up the stairs and knocked at the door of the little room at the top, "
        "where Clara was just getting up.\n\n"
        '"Is that you? Come in, then."\n'
    )
    assert said(text)[-1] == "Clara"


def test_the_boy_is_not_a_titled_grown_up():
    text = (
        "Tom walked home along the river with Mr. Orme. Tom carried the basket, and he "
        "whistled as he went.\n\n"
        "Mr. Orme stopped to light his pipe.\n\n"
        '"May I run ahead?" asked the boy.\n'
    )
    assert said(text) == ["Tom"]


def test_the_old_gentleman_is_not_the_one_the_story_calls_the_boy():
    boy = (
        "Tom ran all the way from the mill. The boy was late again.\n\n"
        "Tom stopped at the gate to catch his breath. The boy's boots were muddy.\n\n"
        "Tom slipped round the back of the house. The boy knew the kitchen door stuck.\n\n"
        "Tom pushed it open with his shoulder. The boy held his breath.\n\n"
        "Tom crept along the passage. The boy could hear the clock.\n\n"
    )
    text = boy + (
        "Mr. Orme was reading by the fire in the study.\n\n"
        "Tom came in and closed the door behind him.\n\n"
        '"Where have you been all afternoon?" said the old gentleman.\n'
    )
    assert said(text) == ["Mr. Orme"]


def test_the_other_is_not_the_one_who_just_spoke():
    text = (
        "Ada and her uncle followed Mrs. Pell, the housekeeper, through the gallery.\n\n"
        '"Is your master often here?" asked Ada.\n\n'
        '"Not so often as we should like, miss."\n\n'
        'Her uncle smiled. Ada could not help saying, "That is a great deal to his credit."\n\n'
        '"I say only what everyone says who knows him," replied the other. Ada thought this '
        "rather much, and she listened in wonder as the housekeeper added, "
        '"He was the sweetest boy in the world."\n'
    )
    assert said(text)[3:] == ["Mrs. Pell", "Mrs. Pell"]


def test_the_same_description_again_in_a_scene_is_the_same_person():
    text = (
        "Mrs. Crane sat by the window with her knitting. Mr. Dobbs stood in the doorway.\n\n"
        '"Shut that door," said the old lady.\n\n'
        '"Yes, ma\'am," said Mr. Dobbs.\n\n'
        "Then Nell came in from the garden. Nell put down her basket and took off her hat.\n\n"
        '"You are late," said the old lady.\n'
    )
    assert said(text) == ["Mrs. Crane", "Mr. Dobbs", "Mrs. Crane"]


def test_attribution_leaves_the_cycle_collector_as_it_found_it():
    import gc

    text = 'Tom and Mary sat down.\n\n"Hello," said Tom.\n'
    assert gc.isenabled()
    said(text)
    assert gc.isenabled()  # paused only while attributing
    gc.disable()
    try:
        said(text)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_he_is_the_man_who_just_spoke_when_no_other_man_is_near():
    text = (
        "Mr. Orme shook hands with Tom at the gate and went off up the hill.\n\n"
        "Clara was waiting by the river with the picnic basket.\n\n"
        '"You are late," she said.\n\n'
        '"I know," said Tom.\n\n'
        '"I was kept at the mill," he said, and sat down beside her.\n'
    )
    assert said(text) == ["Clara", "Tom", "Tom"]


def test_the_other_man_is_not_the_one_who_just_spoke():
    text = (
        "Tom and Mr. Orme waited in the dark yard behind the inn.\n\n"
        "A dog barked somewhere down the lane.\n\n"
        "The wind rose and rattled the shutters.\n\n"
        '"Hark," said Tom.\n\n'
        '"What is it?" whispered the other man.\n'
    )
    assert said(text) == ["Tom", "Mr. Orme"]


def test_a_pronoun_inside_speech_acts_on_no_one():
    text = (
        "Clara looked at Mr. Orme.\n\n"
        '"Will he come?" she asked.\n\n'
        '"He will come," said Tom, "if he hears the bell." He waited a moment and then '
        'added, "Or he may not."\n'
    )
    assert said(text)[-1] == "Tom"


def test_a_name_after_an_opening_clause_is_the_subject():
    text = (
        '"I am off to the harbour," said Tom, and he went out.\n\n'
        "Mr. Orme came in an hour later with the post.\n\n"
        'When Clara asked after Tom, Mr. Orme shook his head. "He has gone to sea," he said.\n'
    )
    assert said(text) == ["Tom", "Mr. Orme"]


def test_his_wife_is_the_one_mrs_of_his_name_though_named_long_before():
    rain = "".join(
        f"The rain fell on the roofs of the town for the {n} day.\n\n"
        for n in "first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
        "twelfth thirteenth".split()
    )
    text = (
        '"I shall be at the shop," said Mrs. Pell.\n\n'
        + rain
        + "Mr. Pell came home late that evening and hung up his wet coat.\n\n"
        '"Where have you been?" asked his wife.\n'
    )
    assert said(text) == ["Mrs. Pell", "Mrs. Pell"]


def test_her_mother_belongs_to_no_one_who_is_a_mrs_herself():
    text = (
        "Mrs. Crane went up to bed early. Kate Crane followed her, and Nell Crane sat up "
        "alone by the fire.\n\n"
        "Presently Mrs. Pell looked in at the door.\n\n"
        '"Is your mother asleep?" asked Mrs. Pell.\n\n'
        '"I think so," said Nell.\n\n'
        '"Then I will not stay," said Mrs. Pell.\n\n'
        '"Who is there?" said her mother from the stairs.\n'
    )
    assert said(text)[-1] == "Mrs. Crane"


def test_her_mother_of_a_first_name_is_the_one_mrs_at_hand():
    text = (
        "Mrs. Crane sat by the fire with her work.\n\n"
        "Elinor came in with Marianne, and Marianne went to the piano.\n\n"
        '"I like him," said Elinor. "He is kind."\n\n'
        '"Only kind?" replied her mother.\n'
    )
    assert said(text)[-1] == "Mrs. Crane"


def test_untagged_lines_follow_the_sure_line_before_them_first():
    text = (
        "Tom and Mary sat in the kitchen. Ann was upstairs.\n\n"
        '"The kettle is on," said Tom.\n\n"I heard it," said Mary.\n\n"Shall I pour?"\n\n'
        '"Please."\n\n"Milk?"\n\n"No, thank you," said Mary.\n\n'
        '"Is there tea for me?" said Ann from the door.\n'
    )
    assert said(text)[2:5] == ["Tom", "Mary", "Tom"]  # Ann only joins at the end


def test_an_inverted_tag_may_describe_its_speaker_before_the_name():
    base = "Major Callendar and Fielding sat at the club. Ronny was late.\n\n"
    text = base + '"What can you expect from the fellow?" said dour Major Callendar.\n'
    assert said(text)[-1] == "Major Callendar"
    text = base + '"What can you expect?" said a Hindu from the door.\n'
    assert said(text)[-1] != "Hindu"  # "a" brings in someone, it does not describe a name


def test_turn_taking_never_gives_a_description_to_one_it_rules_out():
    base = "".join("Oliver sat down by the fire. The boy was cold.\n\n" for _ in range(6))
    text = base + (
        '"Is anyone there?" said Oliver.\n\n"Only me," said Nancy.\n\n'
        '"A fear of what?" asked the gentleman, who seemed to pity her.\n'
    )
    assert said(text)[-1] != "Oliver"  # the story calls Oliver "the boy": no gentleman


def test_name_before_an_aside_governs_the_speech_verb():
    text = (
        "Sir John was not so nice; but one evening, Mrs. Dashwood, accidentally taking up"
        ' a volume of Shakespeare, exclaimed, "We have never finished Hamlet."\n'
    )
    assert said(text) == ["Mrs. Dashwood"]


def test_lead_in_keeps_a_closed_quote_from_the_next_sentence_tag():
    text = (
        "Fanny sat by the fire. When Sir Thomas, opening the door, said, "
        '"Fanny, at what time would you have the carriage?" she felt astonished.\n'
    )
    assert said(text) == ["Sir Thomas"]


def test_interrupting_tag_keeps_the_quote_after_it():
    text = (
        'Catherine listened. "Three-and-twenty!" cried Thorpe, "five-and-twenty if it is'
        ' an inch." Morland remonstrated, and pleaded the road-books.\n'
    )
    assert said(text) == ["Thorpe", "Thorpe"]


def test_description_marked_out_by_what_sets_them_apart_is_its_own_person():
    text = (
        "Oliver stood before the board. Mr. Bumble was behind him.\n\n"
        '"Boy," said the gentleman in the white waistcoat, "you are a fool."\n\n'
        '"Yes, sir," stammered the boy.\n\n'
        '"That boy will be hung," said the gentleman in the white\nwaistcoat.\n\n'
        '"Hush," said the gentleman in the white waistcoat, "he will."\n\n'
        '"He will not," said the gentleman in a gruff voice.\n\n'
        '"Yes," said Mr. Bumble.\n'
    )
    speakers = said(text)
    waistcoat = "the gentleman in the white waistcoat"
    assert speakers[:2] == [waistcoat, waistcoat]
    assert speakers[2] == "Oliver"
    assert speakers[3:6] == [waistcoat] * 3
    assert speakers[6] != waistcoat  # "in a gruff voice" is how, not who
    assert speakers[-1] == "Mr. Bumble"


def test_shorter_form_of_a_marked_out_description_is_the_same_person():
    text = (
        "Marvel ran in. The barman looked up.\n\n"
        '"Draw the bolts," said the man with the black beard.\n\n'
        '"Not with that thing," said the barman.\n\n'
        '"Very well," said the man with the black beard.\n\n'
        '"Five cartridges," said the man with the beard.\n'
    )
    assert said(text)[-1] == "the man with the black beard"


def test_subject_inside_a_what_or_where_clause_is_not_the_speaker():
    text = (
        "Mr. Darcy stood by the piano. Elizabeth saw what he was doing, and at the first"
        ' pause, turned to him with an arch smile, and said, "You mean to frighten me?"\n'
    )
    assert said(text) == ["Elizabeth"]


def test_speech_word_after_an_article_is_a_noun():
    text = (
        "Charlotte came to spend the day. She was met in the hall by Lydia, who, flying to"
        ' her, cried in a half whisper, "I am glad you are come."\n'
    )
    assert said(text) == ["Lydia"]


def test_silent_then_speaking_in_one_sentence_leads_in():
    text = (
        '"None, your worship," replied the policeman.\n\n'
        "Mr. Fang sat silent for some minutes, and then, turning round to the prosecutor,"
        ' said in a towering passion.\n\n"Do you mean to state your complaint?"\n'
    )
    assert said(text)[-1] == "Mr. Fang"


def test_long_aside_between_a_name_and_its_speech_verb():
    text = (
        "Dorian sat down. Nobody knew why he had come, till Lady Narborough, looking at the"
        " great ormolu gilt clock that sprawled in gaudy curves on the mauve-draped"
        ' mantelshelf, exclaimed: "How horrid of Henry to be so late!"\n'
    )
    assert said(text) == ["Lady Narborough"]


def test_capitalised_speech_verb_after_a_comma_is_still_a_tag():
    text = (
        "Hamidullah came in. Aziz lay there, and Mahmoud Ali sat by him.\n\n"
        '"How is stomach?" asked Mahmoud Ali.\n\n'
        '"Better," said Aziz.\n\n'
        '"This is a great relief to us, Doctor Sahib," Said Hamidullah, buttering him up.\n'
    )
    assert said(text)[-1] == "Hamidullah"


def test_it_was_name_who_spoke_tags_the_quote():
    text = (
        "Poirot nodded. John looked at Mr. Wells.\n\n"
        '"Is there a will?" asked John.\n\n'
        '"Yes," said Mr. Wells, "there may be a later will."\n\n'
        '"There is a later will." It was Poirot who spoke.\n'
    )
    assert said(text)[-1] == "Poirot"


def test_words_said_to_come_from_someone_are_theirs():
    after = (
        "Elizabeth walked home. Jane and Mary were in the hall.\n\n"
        '"Where can you have been walking to?" was a question which Elizabeth received'
        " from Jane as soon as she entered the room.\n"
    )
    before = (
        "Elinor told them of the living; and this produced from Mrs. Jennings the following"
        ' natural remark.\n\n"Wait for his having a living! we all know how that will end."\n'
    )
    same_paragraph = (
        "Anne sat with Mrs Musgrove. She had this communication, moreover, from Mary."
        '  "Mrs Musgrove thinks all her servants so steady."\n'
    )
    assert said(after) == ["Jane"]
    assert said(before) == ["Mrs. Jennings"]
    assert said(same_paragraph) == ["Mary"]


def test_an_indefinite_description_is_someone_new_not_a_known_character():
    text = (
        "Caroline waited by the gate. Philip crossed the square.\n\n"
        '"Where does Signor Carella live?" asked Philip.\n\n'
        '"I will show you," said a little girl, springing out of the ground.\n\n'
        '"She will show you," said Caroline.\n\n'
        '"Now Perfetta has gone for her basket," said the little girl.\n'
    )
    speakers = said(text)
    assert speakers[1] == speakers[3] == "the little girl"
    assert speakers[2] == "Caroline"


def test_a_plain_man_met_once_does_not_take_over_the_man():
    text = (
        "Bill sat by the fire. Nancy was asleep.\n\n"
        '"Cover his face!" said a man in the crowd.\n\n'
        "Later Bill woke her.\n\n"
        '"Get up!" said the man.\n'
    )
    speakers = said(text)
    assert speakers[0] == "a man"
    assert speakers[1] == "Bill"


def test_words_from_someone_right_after_the_quote_are_theirs():
    text = (
        "Lady Agatha laughed. Sir Thomas frowned.\n\n"
        '"A delightful theory!" she exclaimed.\n\n'
        '"A dangerous theory!" came from Sir Thomas s tight lips.\n\n'
        '"Miss Wilcox, he was!" said Margaret.\n\n'
        '"M--m--m--m!" from Mr. Wilcox, who thought the episode amusing.\n\n'
        '"Did he?" said Margaret.\n\n'
        '"Gracious--how romantic!" at last broke explosively from Janey.\n'
    )
    speakers = said(text)
    assert speakers[1] == "Sir Thomas"
    assert speakers[3] == "Mr. Wilcox"
    assert speakers[5] == "Janey"


def test_one_who_interrupts_by_saying_is_the_speaker():
    text = (
        "Henrietta and all the others liked the plan, when Mary eagerly interrupted her by"
        ' exclaiming--\n\n"Good heavens, Charles! how can you think of such a thing?"\n'
    )
    assert said(text) == ["Mary"]


def test_someones_last_word_had_been_leads_in():
    text = (
        "Mrs. Archer kissed May. And on the dock, when Newland and his wife sailed, Mrs."
        ' Archer\'s last word had been:\n\n"You must take May to see Mrs. Carfry."\n'
    )
    assert said(text) == ["Mrs. Archer"]


def test_a_tag_going_on_with_a_paragraph_speech_is_its_earlier_speaker():
    text = (
        "Mrs. Crane sat by the fire with her work. Mary came in from the rain.\n\n"
        '"Good evening," said Mary.\n\n'
        '"You are late," said the old lady. "And," she added, "you are wet."\n'
    )
    assert said(text)[-2:] == ["Mrs. Crane", "Mrs. Crane"]  # not Mary, who spoke before


def test_a_pronoun_tag_is_not_the_one_the_narration_before_acted_on():
    text = (
        "Tom came home late and went to his study.\n\n"
        "He sat down at the desk and wrote a note to Mr. Harris, asking him to come round.\n\n"
        '"Wait for an answer," he said.\n'
    )
    assert said(text) == ["Tom"]  # the note went to Mr. Harris: he is not the "he"


def test_a_pronoun_tag_is_not_the_one_acted_on_two_narration_paragraphs_back():
    text = (
        "Tom came home late and went to his study.\n\n"
        "He wrote a note to Mr. Harris, asking him to come round.\n\n"
        "Then he rang the bell and waited by the fire.\n\n"
        '"Take this to the post," he said.\n'
    )
    assert said(text) == ["Tom"]


def test_lead_in_keeps_its_quote_when_the_tag_after_opens_the_next():
    text = (
        "Mr. Bounderby sat down to breakfast. So, when Mrs. Sparsit said with forced"
        ' lightness of heart, "You want your breakfast, sir," Mr. Bounderby replied, "If I'
        " waited, ma'am, I should wait long.\"\n"
    )
    assert said(text) == ["Mrs. Sparsit", "Mr. Bounderby"]


def test_capitalised_role_in_a_tag_is_a_being_the_story_names():
    text = (
        "Alice sat on the bank with the Dodo.\n\n"
        '"I move that the meeting adjourn," said the Dodo.\n\n'
        '"Speak English!" said the Eaglet.\n'
    )
    assert said(text)[-1] == "the Eaglet"


def test_a_calling_met_in_a_tag_is_someone_of_that_calling():
    text = (
        "Brett and I sat near the band. Bill had gone home.\n\n"
        '"You were happy a minute ago," I said.\n\n'
        '"I feel terribly," said Brett.\n\n'
        '"You can\'t two time--" the drummer shouted.\n\n'
        '"Let\'s go," said Brett.\n'
    )
    assert said(text)[2] == "the drummer"


def test_a_calling_answering_the_one_just_named_is_that_person():
    text = (
        "Dorian let the men in. Mr. Hubbard came first, gasping for breath.\n\n"
        '"It is a lovely frame," said Lord Henry.\n\n'
        '"Bring it in, Mr. Hubbard, please," said Dorian.\n\n'
        '"Always glad to have a rest, sir," answered the frame-maker.\n'
    )
    assert said(text)[-1] == "Mr. Hubbard"


def test_one_listening_after_a_quote_is_not_its_speaker():
    text = (
        "Mary sat by Edmund and Henry.\n\n"
        '"Is Thornton Lacey far?" asked Henry.\n\n'
        '"Not far," said Edmund.\n\n'
        '"My plan may not be the best possible." Mary listened, and Edmund agreed.\n'
    )
    assert said(text)[-1] == "Henry"


def test_a_named_voice_heard_saying_leads_in():
    text = (
        "Charles drove the second car. Albert sat beside him.\n\n"
        '"What has happened?" asked Mrs. Warrington.\n\n'
        "Then the car behind them drew up, and the voice of Charles was heard saying:"
        ' "Get the women out at once."\n'
    )
    assert said(text)[-1] == "Charles"


def test_a_pause_before_the_speech_verb_is_no_speaker():
    text = (
        "Fielding was pleased. There was something wrong.\n\n"
        '"It does not suit them," said Fielding.\n\n'
        'Aziz after another silence said, "Why are you not married?"\n'
    )
    assert said(text)[-1] == "Aziz"


def test_an_ly_adjective_belongs_to_the_description_and_a_shorter_form_is_the_same():
    text = (
        "The doctor ran to the door and kicked it.\n\n"
        '"Halloa?" said a little ugly hump-backed man, opening the door.\n\n'
        '"What do you want?" said the doctor.\n\n'
        '"There will be murder too," replied the hump-backed man.\n'
    )
    speakers = said(text)
    assert speakers[0] == speakers[2] == "the little ugly hump-backed man"
    people = {c.name: c for c in story(text).characters}
    assert "the hump-backed man" in people["the little ugly hump-backed man"].aliases


def test_a_name_met_once_acting_beside_a_quote_speaks_it():
    text = (
        "Harry waited by the door.\n\n"
        'Snape swept out of the shadows. "Now, Potter."\n\n'
        '"Yes, sir," said Harry.\n\n'
        'Involuntarily he blushed. "I was only looking."\n'
    )
    speakers = said(text)
    assert speakers[:2] == ["Snape", "Harry"]
    assert speakers[2] != "Involuntarily"


def test_a_role_is_the_named_person_it_answers_to():
    text = (
        "Mr. Beebe came into the room, and Lucy looked up.\n\n"
        '"Good morning, Mr. Beebe," said Lucy.\n\n'
        '"Good morning," said the clergyman.\n\n'
        '"Is it raining?" asked Lucy.\n\n'
        "The wind blew.\n\n"
        '"Not yet," said the clergyman.\n\n'
        '"Oh, Mr. Beebe, I am glad," said Lucy.\n'
    )
    assert said(text)[1] == said(text)[3] == "Mr. Beebe"


def test_one_who_gives_their_own_name_is_that_person():
    text = (
        "Mr. Sowerberry went out, and Oliver opened the shutters. A boy stood outside.\n\n"
        '"Who are you?" asked Oliver.\n\n'
        '"I\'m Noah Claypole," said the charity-boy, "and you\'re under me."\n\n'
        '"Yes, sir," said Oliver.\n\n'
        '"Take down the shutters," said the charity-boy.\n\n'
        "Noah Claypole grinned.\n"
    )
    lines = said(text)
    assert lines[1] == lines[-1] == "Noah Claypole"


def test_a_description_tag_ends_a_speech_run_on():
    text = (
        "Tom sang, and the Gryphon listened.\n\n"
        '"Beautiful Soup," said Tom, "so rich and green,\n\n'
        '"Waiting in a hot tureen!\n\n'
        '"Chorus again!" cried the Gryphon.\n'
    )
    assert said(text)[-1] == "the Gryphon"


def test_a_word_for_a_woman_ending_in_ess_describes_one_at_hand():
    text = (
        "Lady Narborough looked down the long table at Lord Henry.\n\n"
        '"I am always late," said Lord Henry.\n\n'
        '"Then you must be forgiven," laughed the hostess.\n'
    )
    assert said(text) == ["Lord Henry", "Lady Narborough"]


def test_one_of_a_kind_of_people_is_someone_known_not_a_being():
    text = (
        "The Gryffindors sat at one table and the Slytherins at another, and no one liked "
        "the Gryffindors much.\n\n"
        "Harry Potter met Draco Malfoy in the corridor after dinner.\n\n"
        '"You again," sneered Draco.\n\n'
        '"Me again," said Harry.\n\n'
        '"Get lost," said Draco.\n\n'
        '"Make me," the Gryffindor replied.\n\n'
        '"Gladly," said Draco.\n\n'
        '"Try it," the Gryffindor said.\n'
    )
    assert said(text)[-3:] == ["Harry Potter", "Draco Malfoy", "Harry Potter"]


def test_the_girl_is_no_one_the_story_calls_mrs():
    text = (
        "Adela Quested sat on the veranda with Ronny. Mrs. Moore came out and sat down.\n\n"
        '"It is too hot to sleep," said Ronny.\n\n'
        '"Then we shall sit up and talk," said the girl.\n'
    )
    assert said(text) == ["Ronny", "Adela Quested"]


def test_a_capitalised_epithet_of_several_words_is_no_man_at_hand():
    text = (
        "Harry and Draco froze by the lake.\n\n"
        '"Professor!" said Draco.\n\n'
        '"Save it," the Potions Master snapped. "My office. Now."\n'
    )
    assert said(text)[1] == "the Potions Master"


def test_he_or_she_said_is_never_the_first_person_narrator():
    text = (
        "I found Marcus in the kitchen, eating cereal out of the box.\n"
        '"You\'re up early," I said.\n'
        '"Couldn\'t sleep." He didn\'t look at me. "You?"\n'
        '"Same." I poured myself some coffee. "Is it about the game?"\n'
        'He shrugged. "Maybe."\n'
        '"You\'ll be fine. Coach loves you."\n'
        '"Coach loves you," he corrected. "He tolerates me."\n'
        'Jess came in then, hair still wet from the shower. "Who does Coach tolerate?"\n'
        '"Nobody," Marcus and I said at the same time.\n'
        'She raised an eyebrow at me. "Liar."\n'
        '"Okay, fine. Marcus thinks he\'s going to get benched."\n'
        '"He\'s not," she said firmly. "I heard them talking. You\'re starting."\n'
        'Marcus finally looked up. "Seriously?"\n'
        '"Seriously."\n'
    )
    speakers = said(text)
    assert speakers[-4:-2] == ["Jess", "Jess"]  # '"He's not," she said firmly.'


def test_two_people_saying_a_line_together_leave_it_to_no_one():
    text = (
        "Marcus sat at the table. Jess came in.\n"
        '"Who does Coach tolerate?" asked Jess.\n'
        '"Nobody," Marcus and I said at the same time.\n'
    )
    assert said(text)[-1] is None


def test_one_told_of_in_the_third_person_inside_a_quote_is_not_its_speaker():
    text = (
        "I found Marcus in the kitchen, eating cereal out of the box.\n"
        '"You\'re up early," I said.\n'
        '"Couldn\'t sleep." He didn\'t look at me. "You?"\n'
        '"Same." I poured myself some coffee. "Is it about the game?"\n'
        'He shrugged. "Maybe."\n'
        '"You\'ll be fine. Coach loves you."\n'
        '"Coach loves you," he corrected. "He tolerates me."\n'
        'Jess came in then, hair still wet from the shower. "Who does Coach tolerate?"\n'
        '"Nobody," Marcus and I said at the same time.\n'
        'She raised an eyebrow at me. "Liar."\n'
        '"Okay, fine. Marcus thinks he\'s going to get benched."\n'
        '"He\'s not," she said firmly. "I heard them talking. You\'re starting."\n'
        'Marcus finally looked up. "Seriously?"\n'
        '"Seriously."\n'
    )
    speakers = said(text)
    assert speakers[-5] == "I"  # '"Okay, fine. Marcus thinks he's going to get benched."'


def test_the_stranger_is_someone_new():
    text = (
        "Aria slid into the booth across from Kael.\n"
        '"You\'re late," said Kael.\n'
        '"And you\'re rude," said Aria.\n'
        "A shadow fell over the table: a tall woman in a grey cloak.\n"
        '"You\'re the ones asking about the pass," the stranger said.\n'
    )
    assert said(text)[-1] == "the stranger"


def test_they_said_together_is_no_one_alone_and_leaves_others_in_the_paragraph():
    together = (
        "Molly stood at the door. Fred and George came in.\n\n"
        '"Where have you been?" asked Molly.\n\n'
        '"We did tell you," they said together.\n'
    )
    mixed = (
        "The girls waved from the quay. Lady Mellanby stood by Adela.\n\n"
        '"Good-bye!" they laughed. Then the steamer turned, and Lady Mellanby came up:'
        ' "We are safely out of the frying-pan," said Lady Mellanby.\n'
    )
    assert said(together)[-1] is None
    assert said(mixed) == [None, "Lady Mellanby"]


def test_a_description_that_says_who_it_is_names_the_speaker():
    text = (
        '"Goodnight," said Lucy, and went up.\n\n'
        '"Is it late?" asked Freddy.\n\n'
        '"Not very," said Cecil.\n\n'
        '"Then who is there?" asked Freddy.\n\n'
        '"Only me," said the shadow, who was Lucy, come down again.\n'
    )
    assert said(text)[-1] == "Lucy"
