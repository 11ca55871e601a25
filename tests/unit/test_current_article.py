"""The current-article rules: what commands act on and what the list's selection does."""

from __future__ import annotations

from reader.gui.current_article import CurrentArticle, ListSync


def in_list(*ids: int):  # type: ignore[no-untyped-def]
    return lambda article_id: article_id in ids


def test_nothing_current_nothing_targeted() -> None:
    state = CurrentArticle()
    assert state.targets() == []
    state.selection_changed([4])  # a highlighted row alone is not what the pane shows
    assert state.targets() == []


def test_single_commands_act_on_the_current_article_not_a_stale_row() -> None:
    state = CurrentArticle()
    state.open(7)
    state.selection_changed([3])
    assert state.targets() == [7]


def test_several_selected_rows_are_the_targets() -> None:
    state = CurrentArticle()
    state.open(7)
    state.selection_changed([3, 7, 9])
    assert state.targets() == [3, 7, 9]


def test_moving_the_current_row_opens_it_and_a_single_selection_follows() -> None:
    state = CurrentArticle()
    state.open(7)
    state.selection_changed([7])
    assert state.row_made_current(1) == (True, ListSync.SELECT_CURRENT)  # Ctrl+Home
    state.open(1)
    state.selection_changed([1])
    assert state.row_made_current(1) == (False, ListSync.KEEP)
    state.selection_changed([1, 2, 3])
    assert state.row_made_current(2) == (True, ListSync.KEEP)  # Ctrl+click keeps the others


def test_a_list_coming_into_view_selects_the_current_row_or_none() -> None:
    state = CurrentArticle()
    state.open(7)
    assert state.list_shown(in_list(1, 7)) is ListSync.SELECT_CURRENT
    assert state.list_shown(in_list(1, 2)) is ListSync.CLEAR
    assert state.article_id == 7  # still current: the pane keeps it
    state.selection_changed([1, 2])
    assert state.list_shown(in_list(1, 2), reset=True) is ListSync.KEEP
    assert state.list_shown(in_list(1, 2)) is ListSync.CLEAR


def test_choosing_a_view_without_the_article_shows_a_placeholder() -> None:
    state = CurrentArticle()
    state.open(7)
    assert state.view_chosen(in_list(7, 8)) is ListSync.SELECT_CURRENT
    assert state.article_id == 7
    assert state.view_chosen(in_list(8)) is ListSync.CLEAR
    assert state.article_id is None
    assert state.targets() == []


def test_removing_the_current_article_closes_it() -> None:
    state = CurrentArticle()
    state.open(7)
    state.selection_changed([7])
    assert not state.removed([3])
    assert state.article_id == 7
    assert state.removed([7, 3])
    assert state.article_id is None and state.selection == ()
