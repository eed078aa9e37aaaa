"""Quote styles a reader of English fiction meets, one small text per rule."""

from tests.model.helpers import beats_of, dialogue_of


def test_straight_double_quotes_with_interrupting_tag():
    assert beats_of('"Yes," she said, "I will."') == [
        ("dialogue", '"Yes,"'),
        ("narration", "she said,"),
        ("dialogue", '"I will."'),
    ]


def test_curly_double_quotes():
    assert dialogue_of("“Come in,” said Mara. “It’s cold.”") == ["“Come in,”", "“It’s cold.”"]


def test_british_curly_single_quotes_with_apostrophes():
    text = (
        "‘I don’t know,’ said Tom. ‘The boys’ boat is gone.’\n\n"
        "‘Then we’ll walk,’ said Ann.\n\n‘Fine,’ he said.\n\n‘Good.’"
    )
    assert dialogue_of(text) == [
        "‘I don’t know,’",
        "‘The boys’ boat is gone.’",
        "‘Then we’ll walk,’",
        "‘Fine,’",
        "‘Good.’",
    ]


def test_straight_single_quotes_told_from_apostrophes():
    text = (
        "'Don't tell 'em,' said Jo. 'They'll only laugh.'\n\n"
        "'I won't,' said Sam.\n\n'Promise?'\n\n'Promise.'"
    )
    assert dialogue_of(text) == [
        "'Don't tell 'em,'",
        "'They'll only laugh.'",
        "'I won't,'",
        "'Promise?'",
        "'Promise.'",
    ]


def test_nested_quotes_stay_inside_their_beat():
    text = "\"He told me, 'Never again,' and left,\" said Ann."
    assert dialogue_of(text) == ["\"He told me, 'Never again,' and left,\""]
    british = "‘She said “never” to me,’ Tom whispered.\n\n‘Did she?’\n\n‘Yes.’"
    assert dialogue_of(british)[0] == "‘She said “never” to me,’"


def test_guillemets_and_german_quotes():
    assert dialogue_of("«Bonjour», dit-elle. «Entrez.»") == ["«Bonjour»", "«Entrez.»"]
    assert dialogue_of("„Komm her“, sagte er. „Schnell!“") == ["„Komm her“", "„Schnell!“"]


def test_em_dash_dialogue_lines():
    text = (
        "— Where are you going? asked Paul.\n"
        "— Home, said Marie. Come with me.\n"
        "— Wait for me.\n"
        "The rain had stopped."
    )
    assert beats_of(text) == [
        ("dialogue", "— Where are you going?"),
        ("narration", "asked Paul."),
        ("dialogue", "— Home,"),
        ("narration", "said Marie."),
        ("dialogue", "Come with me."),
        ("dialogue", "— Wait for me."),
        ("narration", "The rain had stopped."),
    ]


def test_speech_continued_over_paragraphs_gives_one_beat_each():
    text = (
        '"It began in the spring. We had no money.\n\n'
        '"By summer we had less.\n\n'
        '"And then the letter came," said Ann.'
    )
    assert dialogue_of(text) == [
        '"It began in the spring. We had no money.',
        '"By summer we had less.',
        '"And then the letter came,"',
    ]


def test_unbalanced_mark_never_takes_more_than_its_paragraph():
    text = 'He shouted "Stop and ran.\n\nThe street was empty and quiet that night.'
    beats = beats_of(text)
    assert beats[-1] == ("narration", "The street was empty and quiet that night.")


def test_scare_quotes_and_titles_stay_narration():
    text = 'They called it the "cure" for boredom, and she read "The Hollow Men" twice.'
    assert dialogue_of(text) == []
    assert dialogue_of('He had a so-called "plan" that nobody trusted.') == []


def test_short_speech_after_a_tag_is_still_dialogue():
    assert dialogue_of('Then he said, "No."') == ['"No."']
    assert dialogue_of('She cried "Help!" and ran.') == ['"Help!"']


def test_reported_speech_in_lowercase_is_narration():
    text = 'She assured him "that she was not at all afraid of the trouble."'
    assert dialogue_of(text) == []


def test_quoted_letter_salutation_is_not_dialogue():
    text = 'The letter read:\n\n"Dear Meg,"\n\n"I arrived safely and the house is cold."'
    assert dialogue_of(text) == ['"I arrived safely and the house is cold."']


def test_missing_closing_mark_before_a_new_opening_one():
    text = '"Wait here, she said. "I will come back."'
    assert len(dialogue_of(text)) == 2


def test_words_read_from_a_page_are_not_a_voice():
    text = 'The sign over the door read: "No credit given."\n\n"Well," said Ann, "that is clear."'
    assert dialogue_of(text) == ['"Well,"', '"that is clear."']


def test_plural_possessive_before_a_full_stop_is_not_a_closing_mark():
    text = "‘They’re the Hendersons’. Out of their shed. I put ’em back.’\n\n‘Good,’ she said."
    assert dialogue_of(text) == [
        "‘They’re the Hendersons’. Out of their shed. I put ’em back.’",
        "‘Good,’",
    ]


def test_elided_years_are_apostrophes_in_single_quote_texts():
    text = "The '90s were wild, he thought.\n\n'Maybe,' said Jo.\n\n'Right.'\n\n'Sure.'"
    assert beats_of(text)[0] == ("narration", "The '90s were wild, he thought.")


def test_lowercase_quote_with_a_speech_tag_is_dialogue():
    text = 'She was lost; "and besides, what use is a map," thought Alice, "with no roads?"'
    assert dialogue_of(text) == ['"and besides, what use is a map,"', '"with no roads?"']


def test_dash_after_a_tag_starts_new_speech():
    assert beats_of("— Home, he said. — It is late.\n— Go.\n— Now.") == [
        ("dialogue", "— Home,"),
        ("narration", "he said."),
        ("dialogue", "— It is late."),
        ("dialogue", "— Go."),
        ("dialogue", "— Now."),
    ]


def test_dropped_letters_are_not_closing_marks():
    text = "'The boys' coats are wet, an' I'm cold.' He shivered.\n\n'Here,' said Ann.\n\n'Ta.'"
    assert dialogue_of(text)[0] == "'The boys' coats are wet, an' I'm cold.'"
